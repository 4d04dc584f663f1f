import { dropCachedSessions } from '../../auth/session';
import { eq, or } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { accounts, persons, sessions } from '../../db/schema';
import { verifyPassword } from '../../security/passwords';
import { hashToken, newToken } from '../../security/tokens';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { writeAudit } from '../../audit/write';

const badCredentials = (): DomainError =>
  new DomainError(
    'BAD_CREDENTIALS',
    text('账号或密码不正确。', 'The phone/ID number or password is incorrect.'),
  );

/** Normalizes a login to the form stored: an upper-case resident ID or a bare phone number. */
const normalizeLogin = (login: string): string => login.replace(/[\s-]/g, '').toUpperCase();

/**
 * Password sign-in by phone or resident ID. After the configured number of failures the account
 * locks for a while, and the person is told until when.
 */
export const signIn = async (
  app: AppContext,
  input: { login: string; password: string; userAgent: string | undefined },
): Promise<{ token: string; expiresAt: Date; accountId: string }> => {
  const hash = app.cipher.lookupHash(normalizeLogin(input.login));
  const [row] = await app.db
    .select({ account: accounts, personId: persons.id })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(or(eq(persons.phoneHash, hash), eq(persons.residentIdHash, hash)));
  const now = app.now();
  if (!row) throw badCredentials();
  const { account } = row;
  if (account.lockedUntil && account.lockedUntil > now) {
    const minutes = Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new DomainError(
      'ACCOUNT_LOCKED',
      text(
        `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试。`,
        `Too many wrong passwords; the account is locked. Try again in ${minutes} minute(s).`,
      ),
    );
  }
  if (!(await verifyPassword(input.password, account.passwordHash))) {
    const failures = account.failedSignIns + 1;
    const lock = failures >= app.config.signInMaxFailures;
    await app.db.transaction(async (tx) => {
      await tx
        .update(accounts)
        .set({
          failedSignIns: lock ? 0 : failures,
          lockedUntil: lock ? new Date(now.getTime() + app.config.signInLockMinutes * 60_000) : null,
        })
        .where(eq(accounts.id, account.id));
      await writeAudit(tx, {
        actorPersonId: row.personId,
        actingAs: 'self',
        action: lock ? 'auth.locked' : 'auth.sign-in-failed',
      });
      // A lock re-reads the person's cached sessions on every instance.
      if (lock) await app.bus.sessionsChanged({ personId: row.personId }, tx);
    });
    if (lock) dropCachedSessions(app, { personId: row.personId });
    if (lock)
      throw new DomainError(
        'ACCOUNT_LOCKED',
        text(
          `密码连续错误 ${failures} 次，账号已锁定 ${app.config.signInLockMinutes} 分钟。`,
          `${failures} wrong passwords in a row; the account is locked for ${app.config.signInLockMinutes} minutes.`,
        ),
      );
    throw badCredentials();
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + app.config.sessionHours * 3_600_000);
  await app.db.transaction(async (tx) => {
    await tx.update(accounts).set({ failedSignIns: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
    await tx.insert(sessions).values({
      accountId: account.id,
      tokenHash: hashToken(token),
      expiresAt,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await writeAudit(tx, { actorPersonId: row.personId, actingAs: 'self', action: 'auth.sign-in' });
  });
  return { token, expiresAt, accountId: account.id };
};
