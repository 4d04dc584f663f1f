import { and, eq } from 'drizzle-orm';
import { defineRoute } from '../../http/route';
import { registrationConfirmations } from '../../db/schema';
import { HttpError, notFound } from '../../http/errors';
import { articlesPdf } from '../../pdf/articles-pdf';
import {
  ApplicationParams,
  CodeConfirmRequest,
  ConfirmationParams,
  ConfirmationRequestView,
  ConfirmLinkParams,
  PasswordConfirmRequest,
} from '../../../shared/api/registration';
import { text } from '../../../shared/text';
import { attachmentIn } from '../../http/download-name';
import {
  confirmationForPerson,
  confirmationForToken,
  confirmationView,
  confirmWithCode,
  confirmWithPassword,
} from './confirm';
import { parseDraft } from './content';
import { publishAfterCommit } from './publish';
import { getApplication, readDraft } from './store';

const BASE = '/api/v1/registration';

const viewMine = defineRoute({
  method: 'GET',
  url: `${BASE}/confirmations/:confirmationId`,
  summary: 'A confirmation request addressed to me: the articles and my roles',
  tags: ['registration'],
  access: { kind: 'user' },
  params: ConfirmationParams,
  response: ConfirmationRequestView,
  handler: async ({ app, params, actor }) =>
    confirmationView(app, await confirmationForPerson(app, params.confirmationId, actor.personId), {
      withLink: true,
    }),
});

const confirmMine = defineRoute({
  method: 'POST',
  url: `${BASE}/confirmations/:confirmationId/confirm`,
  summary: 'Confirms an application I am named in (not as legal representative), by re-entering my password',
  tags: ['registration'],
  access: { kind: 'user' },
  params: ConfirmationParams,
  body: PasswordConfirmRequest,
  response: ConfirmationRequestView,
  rateLimit: { max: 20, timeWindow: 60_000 },
  handler: async ({ app, params, body, actor, reply }) => {
    const c = await confirmationForPerson(app, params.confirmationId, actor.personId);
    const row = await confirmWithPassword(app, c, actor.accountId, body.password);
    publishAfterCommit(reply, app, [row.filerPersonId], { applicationId: row.id });
    return confirmationView(app, c);
  },
});

const viewLink = defineRoute({
  method: 'GET',
  url: `${BASE}/confirm-links/:token`,
  summary:
    'A confirmation request for someone without an account, opened through the link the filer passed on',
  tags: ['registration'],
  access: { kind: 'public' },
  params: ConfirmLinkParams,
  response: ConfirmationRequestView,
  rateLimit: { max: 30, timeWindow: 60_000 },
  handler: async ({ app, params }) => confirmationView(app, await confirmationForToken(app, params.token)),
});

const confirmLink = defineRoute({
  method: 'POST',
  url: `${BASE}/confirm-links/:token/confirm`,
  summary: 'Confirms through the link with the one-time code (5 wrong codes lock the request)',
  tags: ['registration'],
  access: { kind: 'public' },
  params: ConfirmLinkParams,
  body: CodeConfirmRequest,
  response: ConfirmationRequestView,
  rateLimit: { max: 10, timeWindow: 60_000 },
  handler: async ({ app, params, body, reply }) => {
    const c = await confirmationForToken(app, params.token);
    const row = await confirmWithCode(app, c, body.code);
    publishAfterCommit(reply, app, [row.filerPersonId], { applicationId: row.id });
    return confirmationView(app, c);
  },
});

/** The filer, anyone asked to confirm, and reviewers may read the articles. */
const articles = defineRoute({
  method: 'GET',
  url: `${BASE}/applications/:applicationId/articles.pdf`,
  summary: 'The articles of association generated from the application, as PDF (Chinese fonts embedded)',
  tags: ['registration'],
  access: { kind: 'user' },
  params: ApplicationParams,
  produces: 'application/pdf',
  handler: async ({ app, params, actor, reply, lang }) => {
    const row = await getApplication(app.db, params.applicationId);
    const [asked] = await app.db
      .select({ id: registrationConfirmations.id })
      .from(registrationConfirmations)
      .where(
        and(
          eq(registrationConfirmations.applicationId, row.id),
          eq(registrationConfirmations.personId, actor.personId),
        ),
      );
    if (row.filerPersonId !== actor.personId && !asked && actor.role !== 'reviewer')
      throw notFound(text('企业开办申请', 'Registration application'));
    const parsed = parseDraft(readDraft(app, row));
    if (!parsed.complete)
      throw new HttpError(
        422,
        'APPLICATION_INCOMPLETE',
        text(
          '申请尚未填写完整，暂不能生成章程。',
          'The application is not complete yet; the articles cannot be generated.',
        ),
        parsed.problems[0]?.field,
      );
    const pdf = await articlesPdf(parsed.app);
    const name = parsed.app.name;
    void reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        attachmentIn(lang, text(`${name}章程.pdf`, `${name}-articles-of-association.pdf`)),
      )
      .header('cache-control', 'no-store');
    return reply.send(pdf);
  },
});

export const confirmRoutes = [viewMine, confirmMine, viewLink, confirmLink, articles];
