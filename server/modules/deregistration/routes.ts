import { implement } from '../../http/route';
import { deregistrationApi } from '../../../shared/api/contracts/deregistration';
import { issueLiveFaceChallenge, runLiveFaceCheck } from '../seals';
import { notFound } from '../../http/errors';
import { text } from '../../../shared/text';
import {
  applyNow,
  commitAsInvestor,
  fileObjection,
  flagCompany,
  startDeregistration,
  sweepDeregistrations,
} from './procedure';
import { publicNotice } from './public';
import { overviewOf } from './views';

const ua = (h: string | string[] | undefined): string | undefined => (typeof h === 'string' ? h : undefined);

const overviewRoute = implement(deregistrationApi.overview, ({ app, authority }) =>
  overviewOf(app, authority.companyId, authority.personId),
);

const startRoute = implement(deregistrationApi.start, async ({ app, db, authority }) => {
  await startDeregistration(app, db, authority);
  return overviewOf({ ...app, db: db as typeof app.db }, authority.companyId, authority.personId);
});

const challengeRoute = implement(deregistrationApi.faceChallenge, ({ app, authority, request }) =>
  issueLiveFaceChallenge(app, authority.personId, ua(request.headers['user-agent']), 'deregistration.commit'),
);

const faceRoute = implement(deregistrationApi.face, ({ app, authority, body, request }) =>
  runLiveFaceCheck(app, authority.personId, body, ua(request.headers['user-agent']), 'deregistration.commit'),
);

const commitRoute = implement(deregistrationApi.commit, async ({ app, db, authority, body }) => {
  await commitAsInvestor(app, db, authority, body.faceCheckId);
  return overviewOf({ ...app, db: db as typeof app.db }, authority.companyId, authority.personId);
});

const applyRoute = implement(deregistrationApi.apply, async ({ app, db, authority }) => {
  await applyNow(app, db, authority);
  return overviewOf({ ...app, db: db as typeof app.db }, authority.companyId, authority.personId);
});

const publicRoute = implement(deregistrationApi.publicNotice, ({ app, params }) =>
  publicNotice(app, params.uscc),
);

const objectRoute = implement(deregistrationApi.object, async ({ app, params, body }) => {
  await fileObjection(app, params.uscc, body);
  return { received: true as const };
});

const flagRoute = implement(deregistrationApi.flag, ({ app, actor, params, body }) =>
  flagCompany(app, actor.personId, params.companyId, body.reason),
);

/** Development only: the scheduled sweep on demand, when the platform runs on the test clock. */
const devSweepRoute = implement(deregistrationApi.devSweep, async ({ app }) => {
  if (!app.services.testClock) throw notFound(text('测试时钟', 'The test clock'));
  return { completed: await sweepDeregistrations(app) };
});

export const deregistrationRoutes = [
  devSweepRoute,
  overviewRoute,
  startRoute,
  challengeRoute,
  faceRoute,
  commitRoute,
  applyRoute,
  publicRoute,
  objectRoute,
  flagRoute,
];
