import { timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { accounts, persons, registrationConfirmations } from '../../db/schema';
import { notFound } from '../../http/errors';
import { DomainError } from '../../../shared/domain-error';
import { writeAudit } from '../../audit/write';
import { verifyPassword } from '../../security/passwords';
import { hashToken } from '../../security/tokens';
import { generateArticles } from '../../../shared/registration/articles';
import type { ConfirmationRequestView, PersonRole } from '../../../shared/api/registration';
import { text } from '../../../shared/text';
import { contentHash, parseDraft } from './content';
import { MAX_CONFIRM_ATTEMPTS, markConfirmed, type ConfirmationRow } from './confirmations';
import { findFaceReference } from './face-reference';
import { getApplication, readDraft, type ApplicationRow } from './store';

const confirmationNotFound = (): DomainError => notFound(text('确认请求', 'Confirmation request'));

/** The request is for the content the application holds now, and it is still waiting for confirmations. */
const isLive = (app: ApplicationRow, c: ConfirmationRow): boolean =>
  (app.status === 'confirming' || app.status === 'returned') && app.contentHash === c.contentHash;

export const confirmationForPerson = async (
  ctx: AppContext,
  confirmationId: string,
  personId: string,
): Promise<ConfirmationRow> => {
  const [c] = await ctx.db
    .select()
    .from(registrationConfirmations)
    .where(eq(registrationConfirmations.id, confirmationId));
  if (!c || c.personId !== personId || c.method === 'code') throw confirmationNotFound();
  return c;
};

export const confirmationForToken = async (ctx: AppContext, token: string): Promise<ConfirmationRow> => {
  const [c] = await ctx.db
    .select()
    .from(registrationConfirmations)
    .where(eq(registrationConfirmations.linkTokenHash, hashToken(token)));
  if (!c) throw confirmationNotFound();
  return c;
};

/**
 * What the person is asked to confirm: the articles generated from the application, and their roles.
 * `withLink`: the person themselves in the app, who may prefer to confirm by face on their phone.
 */
export const confirmationView = async (
  ctx: AppContext,
  row: ConfirmationRow,
  options: { withLink?: boolean } = {},
): Promise<ConfirmationRequestView> => {
  // Read again: the caller may hold the row from before it confirmed.
  const [c = row] = await ctx.db
    .select()
    .from(registrationConfirmations)
    .where(eq(registrationConfirmations.id, row.id));
  const app = await getApplication(ctx.db, c.applicationId);
  const [filer] = await ctx.db
    .select({ name: persons.name })
    .from(persons)
    .where(eq(persons.id, app.filerPersonId));
  const parsed = parseDraft(readDraft(ctx, app));
  const stale = !isLive(app, c) || !parsed.complete || contentHash(parsed.app) !== c.contentHash;
  return {
    confirmationId: c.id,
    applicationId: app.id,
    companyName: app.proposedName ?? '',
    filerName: filer?.name ?? '',
    personName: c.name,
    roles: c.roles as PersonRole[],
    status: c.status,
    method: c.method,
    stale: c.status === 'pending' && stale,
    articles:
      parsed.complete && !stale
        ? generateArticles(parsed.app)
        : { title: app.proposedName ?? '', sections: [] },
    attemptsLeft: Math.max(0, MAX_CONFIRM_ATTEMPTS - c.failedAttempts),
    faceEnrolled: c.method === 'face' && (await findFaceReference(ctx, c)) !== undefined,
    linkPath:
      options.withLink && c.method === 'face' && c.status === 'pending' && c.linkTokenEnc
        ? `/registration/confirm-link/${ctx.cipher.decrypt(c.linkTokenEnc)}`
        : null,
  };
};

/** Each request is answered only the way it was asked for: the legal representative by face. */
export const requireMethod = (c: ConfirmationRow, method: ConfirmationRow['method']): void => {
  if (c.method !== method)
    throw new DomainError(
      'CONFIRMATION_METHOD',
      c.method === 'face'
        ? text(
            '法定代表人须刷脸确认，不能用密码或确认码确认。',
            'The legal representative confirms by a live face check, not by password or code.',
          )
        : text('此确认请求不能用这种方式确认。', 'This confirmation request cannot be confirmed this way.'),
    );
};

export const requirePending = (app: ApplicationRow, c: ConfirmationRow): void => {
  if (c.status === 'confirmed')
    throw new DomainError(
      'ALREADY_CONFIRMED',
      text('您已确认过该申请。', 'You have already confirmed this application.'),
    );
  if (!isLive(app, c))
    throw new DomainError(
      'CONFIRMATION_STALE',
      text(
        '申请内容已修改或已办结，此确认请求不再有效；如需确认，申请人会重新发起。',
        'The application has changed or been decided; this request no longer applies. The filer will ask again if needed.',
      ),
    );
  if (c.failedAttempts >= MAX_CONFIRM_ATTEMPTS)
    throw new DomainError(
      'CONFIRMATION_LOCKED',
      text(
        '错误次数过多，此确认请求已锁定，请联系申请人重新发起。',
        'Too many wrong attempts; this request is locked. Ask the filer to send it again.',
      ),
    );
};

/** A wrong secret counts against the request (committed on its own, so a failing caller cannot undo it). */
const countFailure = async (
  ctx: AppContext,
  c: ConfirmationRow,
  code: string,
  zh: string,
  en: string,
  field: string,
): Promise<never> => {
  await ctx.db
    .update(registrationConfirmations)
    .set({ failedAttempts: sql`${registrationConfirmations.failedAttempts} + 1` })
    .where(eq(registrationConfirmations.id, c.id));
  const left = Math.max(0, MAX_CONFIRM_ATTEMPTS - c.failedAttempts - 1);
  throw new DomainError(code, text(`${zh}（还可尝试 ${left} 次）`, `${en} (${left} attempt(s) left)`), {
    field,
  });
};

export const confirmIn = async (
  ctx: AppContext,
  c: ConfirmationRow,
  actorPersonId: string | null,
  evidence: Record<string, unknown> = {},
): Promise<ApplicationRow> =>
  ctx.db.transaction(async (tx) => {
    const app = await getApplication(tx, c.applicationId, true);
    const [fresh] = await tx
      .select()
      .from(registrationConfirmations)
      .where(eq(registrationConfirmations.id, c.id))
      .for('update');
    if (!fresh) throw confirmationNotFound();
    requirePending(app, fresh);
    await markConfirmed(tx, ctx, fresh);
    await writeAudit(tx, {
      actorPersonId,
      actingAs: 'self',
      action: 'registration.confirm',
      detail: { applicationId: app.id, confirmationId: c.id, method: c.method, ...evidence },
    });
    return app;
  });

/** An account holder who is not the legal representative confirms by re-entering their password. */
export const confirmWithPassword = async (
  ctx: AppContext,
  c: ConfirmationRow,
  accountId: string,
  password: string,
): Promise<ApplicationRow> => {
  requireMethod(c, 'password');
  requirePending(await getApplication(ctx.db, c.applicationId), c);
  const [account] = await ctx.db
    .select({ hash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account || !(await verifyPassword(password, account.hash)))
    return countFailure(ctx, c, 'PASSWORD_INCORRECT', '密码不正确', 'The password is incorrect', 'password');
  return confirmIn(ctx, c, c.personId);
};

/** Someone without an account confirms through the link with the one-time code the filer gave them. */
export const confirmWithCode = async (
  ctx: AppContext,
  c: ConfirmationRow,
  code: string,
): Promise<ApplicationRow> => {
  requireMethod(c, 'code');
  requirePending(await getApplication(ctx.db, c.applicationId), c);
  const expected = c.codeEnc ? Buffer.from(ctx.cipher.decrypt(c.codeEnc)) : Buffer.alloc(0);
  const given = Buffer.from(code);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return countFailure(
      ctx,
      c,
      'CODE_INCORRECT',
      '确认码不正确',
      'The confirmation code is incorrect',
      'code',
    );
  return confirmIn(ctx, c, null);
};
