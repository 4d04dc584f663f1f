import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { defineRoute } from '../../http/route';
import { notFound } from '../../http/errors';
import { licenceApplications, licenceUploads } from '../../db/schema';
import { text } from '../../../shared/text';
import {
  ApplicationList,
  ApplicationView,
  ApproveBody,
  ReturnBody,
  ReviewParams,
  ReviewQuery,
  ReviewUploadParams,
} from '../../../shared/api/licences';
import { attachmentHeader } from './after-commit';
import { loadApplication, loadApplications } from './application-views';
import { decide, type Decision } from './review';

const tags = ['licences', 'review'];

const queueRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/review/licence-applications',
  summary: 'Reviewer queue of licence-free applications (default: submitted and accepted)',
  tags,
  access: { kind: 'reviewer' },
  query: ReviewQuery,
  response: ApplicationList,
  handler: async ({ app, query }) => ({
    applications: await loadApplications(
      app.db,
      query.status
        ? eq(licenceApplications.status, query.status)
        : inArray(licenceApplications.status, ['submitted', 'accepted']),
    ),
  }),
});

const viewRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/review/licence-applications/:applicationId',
  summary: 'One application for review, with its evidence',
  tags,
  access: { kind: 'reviewer' },
  params: ReviewParams,
  response: ApplicationView,
  handler: async ({ app, params }) => {
    const view = await loadApplication(app.db, eq(licenceApplications.id, params.applicationId));
    if (!view) throw notFound(text('申请', 'Application'));
    return view;
  },
});

const uploadRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/review/licence-applications/:applicationId/uploads/:uploadId',
  summary: 'A material uploaded with an application',
  tags,
  access: { kind: 'reviewer' },
  params: ReviewUploadParams,
  produces: 'application/octet-stream',
  handler: async ({ app, params, reply }) => {
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
  },
});

const decisionRoute = <B>(
  decision: Decision,
  summary: string,
  bodySchema: z.ZodType<B>,
  noteOf: (b: B) => string | undefined,
) =>
  defineRoute({
    method: 'POST',
    url: `/api/v1/review/licence-applications/:applicationId/${decision}`,
    summary,
    tags,
    access: { kind: 'reviewer' },
    params: ReviewParams,
    body: bodySchema,
    response: ApplicationView,
    handler: async ({ app, params, body, actor }) => {
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
    },
  });

export const reviewRoutes = [
  queueRoute,
  viewRoute,
  uploadRoute,
  decisionRoute('accept', 'Accept (受理) a submitted application', ApproveBody, (b) => b.note),
  decisionRoute(
    'approve',
    'Approve an accepted application; a licence service issues the licence into the wallet',
    ApproveBody,
    (b) => b.note,
  ),
  decisionRoute(
    'return',
    'Return an application to the applicant with a reason',
    ReturnBody,
    (b) => b.reason,
  ),
];
