import { attachmentIn } from '../../http/download-name';
import { and, eq } from 'drizzle-orm';
import { implement } from '../../http/route';
import { registrationConfirmApi } from '../../../shared/api/contracts/registration-confirm';
import { registrationConfirmations } from '../../db/schema';
import { HttpError, notFound } from '../../http/errors';
import { articlesPdf } from '../../pdf/articles-pdf';
import { text } from '../../../shared/text';
import {
  confirmationForPerson,
  confirmationForToken,
  confirmationView,
  confirmWithCode,
  confirmWithPassword,
} from './confirm';
import { parseDraft } from './content';
import { announceUpdate } from './publish';
import { getApplication, readDraft } from './store';

const viewMine = implement(registrationConfirmApi.viewMine, async ({ app, params, actor }) =>
  confirmationView(app, await confirmationForPerson(app, params.confirmationId, actor.personId), {
    withLink: true,
  }),
);

const confirmMine = implement(registrationConfirmApi.confirmMine, async ({ app, params, body, actor }) => {
  const c = await confirmationForPerson(app, params.confirmationId, actor.personId);
  const row = await confirmWithPassword(app, c, actor.accountId, body.password);
  await announceUpdate(app, [row.filerPersonId], { applicationId: row.id });
  return confirmationView(app, c);
});

const viewLink = implement(registrationConfirmApi.viewLink, async ({ app, params }) =>
  confirmationView(app, await confirmationForToken(app, params.token)),
);

const confirmLink = implement(registrationConfirmApi.confirmLink, async ({ app, params, body }) => {
  const c = await confirmationForToken(app, params.token);
  const row = await confirmWithCode(app, c, body.code);
  await announceUpdate(app, [row.filerPersonId], { applicationId: row.id });
  return confirmationView(app, c);
});

/** The filer, anyone asked to confirm, and reviewers may read the articles. */
const articles = implement(registrationConfirmApi.articles, async ({ app, params, actor, reply, lang }) => {
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
});

export const confirmRoutes = [viewMine, confirmMine, viewLink, confirmLink, articles];
