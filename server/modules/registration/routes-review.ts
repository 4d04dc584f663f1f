import { eq } from 'drizzle-orm';
import { implement } from '../../http/route';
import { registrationReviewApi } from '../../../shared/api/contracts/registration-review';
import { persons, registrationApplications } from '../../db/schema';
import { type ReviewView } from '../../../shared/api/registration';
import { checkIdentities } from './auto-review';
import { parseDraft } from './content';
import { announceUpdate } from './publish';
import { reviewerApprove, reviewerReturn } from './review';
import { getApplication, readDraft } from './store';
import { applicationView } from './views';

const queue = implement(registrationReviewApi.queue, async ({ app }) => {
  const rows = await app.db
    .select({ a: registrationApplications, filerName: persons.name })
    .from(registrationApplications)
    .innerJoin(persons, eq(persons.id, registrationApplications.filerPersonId))
    .where(eq(registrationApplications.status, 'in-review'))
    .orderBy(registrationApplications.submittedAt);
  return {
    items: rows.map(({ a, filerName }) => ({
      id: a.id,
      name: a.proposedName ?? '',
      filerName,
      submittedAt: (a.submittedAt ?? a.updatedAt).toISOString(),
      reasons: a.reviewReasons,
    })),
  };
});

const reviewViewOf = async (
  app: Parameters<typeof applicationView>[1],
  db: Parameters<typeof applicationView>[0],
  id: string,
): Promise<ReviewView> => {
  const row = await getApplication(db, id);
  const view = await applicationView(db, app, row, null);
  const parsed = parseDraft(readDraft(app, row));
  const identities = parsed.complete ? (await checkIdentities(db, app, parsed.app)).identities : [];
  // Reviewers see the form; the one-time codes stay between the filer and the people named.
  return {
    ...view,
    confirmations: view.confirmations.map((c) => ({ ...c, code: null, linkPath: null })),
    identities,
  };
};

const detail = implement(registrationReviewApi.detail, async ({ app, params }) =>
  reviewViewOf(app, app.db, params.applicationId),
);

const approve = implement(registrationReviewApi.approve, async ({ app, db, params, actor }) => {
  const row = await getApplication(db, params.applicationId, true);
  const approved = await reviewerApprove(db, app, row, actor);
  await announceUpdate(app, approved.notify, { applicationId: row.id, status: 'approved' }, db);
  return reviewViewOf(app, db, row.id);
});

const returnIt = implement(registrationReviewApi.returnIt, async ({ app, db, params, body, actor }) => {
  const row = await getApplication(db, params.applicationId, true);
  await reviewerReturn(db, app, row, actor, body.comment);
  await announceUpdate(app, [row.filerPersonId], { applicationId: row.id, status: 'returned' }, db);
  return reviewViewOf(app, db, row.id);
});

export const reviewRoutes = [queue, detail, approve, returnIt];
