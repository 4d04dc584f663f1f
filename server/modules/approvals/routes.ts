import { implement } from '../../http/route';
import { approvalsApi } from '../../../shared/api/contracts/approvals';
import { assuranceView } from '../identity';
import { approvalQueue } from './queue';
import { approveMany } from './approve-many';

const queueRoute = implement(approvalsApi.queue, async ({ app, actor }) => ({
  items: await approvalQueue(app, actor.personId),
  assurance: await assuranceView(app, actor),
}));

const approveRoute = implement(approvalsApi.approve, async ({ app, actor, body }) =>
  approveMany(app, actor, body),
);

export const approvalsRoutes = [queueRoute, approveRoute];
