import { and, eq, inArray } from 'drizzle-orm';
import { implement } from '../../http/route';
import type { AppContext } from '../../context';
import type { Actor } from '../../auth/session';
import type { FastifyReply } from 'fastify';
import type { BodyOf } from '../../../shared/api/contract';
import { licencesReviewApi } from '../../../shared/api/contracts/licences-review';
import { notFound } from '../../http/errors';
import { licenceApplications, licenceUploads } from '../../db/schema';
import { text } from '../../../shared/text';
import { attachmentHeader } from './after-commit';
import { loadApplication, loadApplications } from './application-views';
import { decide, type Decision } from './review';

const queueRoute = implement(licencesReviewApi.queue, async ({ app, query }) => ({
  applications: await loadApplications(
    app.db,
    query.status
      ? eq(licenceApplications.status, query.status)
      : inArray(licenceApplications.status, ['submitted', 'accepted']),
  ),
}));

const viewRoute = implement(licencesReviewApi.view, async ({ app, params }) => {
  const view = await loadApplication(app.db, eq(licenceApplications.id, params.applicationId));
  if (!view) throw notFound(text('申请', 'Application'));
  return view;
});

const uploadRoute = implement(licencesReviewApi.upload, async ({ app, params, reply }) => {
  const [u] = await app.db
    .select()
    .from(licenceUploads)
    .where(
      and(eq(licenceUploads.id, params.uploadId), eq(licenceUploads.applicationId, params.applicationId)),
    );
  if (!u) throw notFound(text('材料', 'Material'));
  void reply.header('content-type', u.mimeType);
  void reply.header('content-disposition', attachmentHeader(u.fileName, `material-${u.id}`));
  return u.content;
});

type DecisionContext<B> = {
  app: AppContext;
  params: { applicationId: string };
  body: B;
  actor: Actor;
  reply: FastifyReply;
};

/** One handler for the three decisions; they differ in the body and where its note is. */
const decisionHandler =
  <B>(decision: Decision, noteOf: (b: B) => string | undefined) =>
  async ({ app, params, body, actor }: DecisionContext<B>) => {
    const note = noteOf(body);
    const { notify } = await app.db.transaction((tx) =>
      decide(tx, app, actor, params.applicationId, decision, note),
    );
    const view = await loadApplication(app.db, eq(licenceApplications.id, params.applicationId));
    if (!view) throw notFound(text('申请', 'Application'));
    await app.bus.publishTo(notify, {
      type: 'licence.application.updated',
      data: { companyId: view.companyId, applicationId: view.id, status: view.status },
    });
    return view;
  };

export const reviewRoutes = [
  queueRoute,
  viewRoute,
  uploadRoute,
  implement(
    licencesReviewApi.accept,
    decisionHandler<BodyOf<typeof licencesReviewApi.accept>>('accept', (b) => b.note),
  ),
  implement(
    licencesReviewApi.approve,
    decisionHandler<BodyOf<typeof licencesReviewApi.approve>>('approve', (b) => b.note),
  ),
  implement(
    licencesReviewApi.return,
    decisionHandler<BodyOf<typeof licencesReviewApi.return>>('return', (b) => b.reason),
  ),
];
