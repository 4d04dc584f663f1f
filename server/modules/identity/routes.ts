import { and, eq, isNull } from 'drizzle-orm';
import { implement } from '../../http/route';
import { identityApi } from '../../../shared/api/contracts/identity';
import { HttpError } from '../../http/errors';
import { accounts, preferences, sessions } from '../../db/schema';
import { validateResidentId } from '../../../shared/identifiers/resident-id';
import { identifierErrorMessage } from '../../../shared/identifiers/messages';
import { text } from '../../../shared/text';
import { signIn } from './sign-in';
import { loadMe } from './me';
import { findPersonByPhone, findPersonByResidentId, insertPerson } from './persons';
import { hashPassword } from '../../security/passwords';
import { hashToken, newToken } from '../../security/tokens';
import { bearerToken } from '../../auth/session';
import { writeAudit } from '../../audit/write';

const signInRoute = implement(identityApi.signIn, async ({ app, body, request }) => {
  const { token, expiresAt, accountId } = await signIn(app, {
    ...body,
    userAgent: request.headers['user-agent'],
  });
  return { token, expiresAt: expiresAt.toISOString(), me: await loadMe(app.db, accountId) };
});

const signUpRoute = implement(identityApi.signUp, async ({ app, body, lang, request }) => {
  const verdict = validateResidentId(body.residentId, 'normalized');
  if (!verdict.valid) {
    const code = verdict.errors[0]!;
    throw new HttpError(
      422,
      'INVALID_RESIDENT_ID',
      identifierErrorMessage('resident-id', code),
      'residentId',
    );
  }
  const residentId = verdict.normalized;
  const token = newToken();
  const expiresAt = new Date(app.now().getTime() + app.config.sessionHours * 3_600_000);
  const accountId = await app.db.transaction(async (tx) => {
    const byPhone = await findPersonByPhone(tx, app.cipher, body.phone);
    const existing = await findPersonByResidentId(tx, app.cipher, residentId);
    if (byPhone && byPhone.id !== existing?.id)
      throw new HttpError(
        409,
        'PHONE_TAKEN',
        text('该手机号已被其他人使用。', 'This phone number belongs to someone else.'),
        'phone',
      );
    if (existing) {
      const [acc] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(accounts.personId, existing.id));
      if (acc)
        throw new HttpError(
          409,
          'ACCOUNT_EXISTS',
          text(
            '该身份证号已注册，请直接登录。',
            'An account already exists for this ID number; please sign in.',
          ),
          'residentId',
        );
      if (existing.name !== body.name)
        throw new HttpError(
          422,
          'NAME_MISMATCH',
          text('姓名与登记的身份信息不一致。', 'The name does not match the registered identity.'),
          'name',
        );
    }
    const personId =
      existing?.id ??
      (await insertPerson(tx, app.cipher, { name: body.name, residentId, phone: body.phone }));
    const [acc] = await tx
      .insert(accounts)
      .values({ personId, passwordHash: await hashPassword(body.password) })
      .returning({ id: accounts.id });
    await tx.insert(preferences).values({ accountId: acc!.id, lang });
    await tx.insert(sessions).values({
      accountId: acc!.id,
      tokenHash: hashToken(token),
      expiresAt,
      userAgent: request.headers['user-agent'] ?? null,
    });
    await writeAudit(tx, { actorPersonId: personId, actingAs: 'self', action: 'auth.sign-up' });
    return acc!.id;
  });
  return { token, expiresAt: expiresAt.toISOString(), me: await loadMe(app.db, accountId) };
});

const signOutRoute = implement(identityApi.signOut, async ({ app, request, actor }) => {
  await app.db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: app.now() })
      .where(eq(sessions.tokenHash, hashToken(bearerToken(request)!)));
    await writeAudit(tx, { actorPersonId: actor.personId, actingAs: 'self', action: 'auth.sign-out' });
  });
  return { ok: true as const };
});

const signOutAllRoute = implement(identityApi.signOutAll, async ({ app, actor }) => {
  await app.db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: app.now() })
      .where(and(eq(sessions.accountId, actor.accountId), isNull(sessions.revokedAt)));
    await writeAudit(tx, { actorPersonId: actor.personId, actingAs: 'self', action: 'auth.sign-out-all' });
  });
  return { ok: true as const };
});

const meRoute = implement(identityApi.me, async ({ app, actor }) => loadMe(app.db, actor.accountId));

const preferencesRoute = implement(identityApi.preferences, async ({ app, actor, body }) => {
  await app.db
    .insert(preferences)
    .values({ accountId: actor.accountId, ...body, updatedAt: app.now() })
    .onConflictDoUpdate({ target: preferences.accountId, set: { ...body, updatedAt: app.now() } });
  return body;
});

export const identityRoutes = [
  signInRoute,
  signUpRoute,
  signOutRoute,
  signOutAllRoute,
  meRoute,
  preferencesRoute,
];
