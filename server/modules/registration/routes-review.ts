import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { persons, registrationApplications } from '../../db/schema';
import { ApplicationParams, ReturnRequest, ReviewQueue, ReviewView } from '../../../shared/api/registration';
import { checkIdentities } from './auto-review';
import { parseDraft } from './content';
import { announceUpdate } from './publish';
import { reviewerApprove, reviewerReturn } from './review';
import { getApplication, readDraft } from './store';
import { applicationView } from './views';

const BASE = '/api/v1/registration/review';

const queue = defineRoute({
  method: 'GET',
  url: BASE,
  summary: 'Applications the automated review sent to a person, oldest first, with the reasons',
  tags: ['registration'],
  access: { kind: 'reviewer' },
  response: ReviewQueue,
  handler: async ({ app }) => {
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
  },
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

const detail = defineRoute({
  method: 'GET',
  url: `${BASE}/:applicationId`,
  summary: 'An application as the reviewer sees it, with each identity’s verdict',
  tags: ['registration'],
  access: { kind: 'reviewer' },
  params: ApplicationParams,
  response: ReviewView,
  handler: async ({ app, params }) => reviewViewOf(app, app.db, params.applicationId),
});

const approve = defineRoute({
  method: 'POST',
  url: `${BASE}/:applicationId/approve`,
  summary: 'Approves: company, USCC, business licence, seals and registrations in one transaction',
  tags: ['registration'],
  access: { kind: 'reviewer' },
  idempotent: true,
  params: ApplicationParams,
  body: z.strictObject({}),
  response: ReviewView,
  handler: async ({ app, db, params, actor }) => {
    const row = await getApplication(db, params.applicationId, true);
    const approved = await reviewerApprove(db, app, row, actor);
    await announceUpdate(app, approved.notify, { applicationId: row.id, status: 'approved' }, db);
    return reviewViewOf(app, db, row.id);
  },
});

const returnIt = defineRoute({
  method: 'POST',
  url: `${BASE}/:applicationId/return`,
  summary: 'Returns the application to the filer with comments',
  tags: ['registration'],
  access: { kind: 'reviewer' },
  idempotent: true,
  params: ApplicationParams,
  body: ReturnRequest,
  response: ReviewView,
  handler: async ({ app, db, params, body, actor }) => {
    const row = await getApplication(db, params.applicationId, true);
    await reviewerReturn(db, app, row, actor, body.comment);
    await announceUpdate(app, [row.filerPersonId], { applicationId: row.id, status: 'returned' }, db);
    return reviewViewOf(app, db, row.id);
  },
});

export const reviewRoutes = [queue, detail, approve, returnIt];
