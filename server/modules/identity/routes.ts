import { and, eq, isNull } from 'drizzle-orm';
import { implement } from '../../http/route';
import { identityApi } from '../../../shared/api/contracts/identity';
import { preferences, sessions } from '../../db/schema';
import { signIn } from './sign-in';
import { loadMe } from './me';
import { hashToken } from '../../security/tokens';
import { bearerToken, dropCachedSessions } from '../../auth/session';
import { writeAudit } from '../../audit/write';

const signInRoute = implement(identityApi.signIn, async ({ app, body, request }) => {
  const { token, expiresAt, accountId } = await signIn(app, {
    ...body,
    userAgent: request.headers['user-agent'],
  });
  return { token, expiresAt: expiresAt.toISOString(), me: await loadMe(app, accountId) };
});

const signOutRoute = implement(identityApi.signOut, async ({ app, request, actor }) => {
  await app.db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: app.now() })
      .where(eq(sessions.tokenHash, hashToken(bearerToken(request)!)));
    await writeAudit(tx, { actorPersonId: actor.personId, actingAs: 'self', action: 'auth.sign-out' });
    // Ends this session's open event streams on every instance, on commit.
    await app.bus.closeStreams({ personId: actor.personId, sessionId: actor.sessionId }, tx);
  });
  // Refused at once here; other instances drop it when the closeStreams message arrives.
  dropCachedSessions(app, { personId: actor.personId, sessionId: actor.sessionId });
  return { ok: true as const };
});

const signOutAllRoute = implement(identityApi.signOutAll, async ({ app, actor }) => {
  await app.db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: app.now() })
      .where(and(eq(sessions.accountId, actor.accountId), isNull(sessions.revokedAt)));
    await writeAudit(tx, { actorPersonId: actor.personId, actingAs: 'self', action: 'auth.sign-out-all' });
    await app.bus.closeStreams({ personId: actor.personId }, tx);
  });
  dropCachedSessions(app, { personId: actor.personId });
  return { ok: true as const };
});

const meRoute = implement(identityApi.me, async ({ app, actor }) => loadMe(app, actor.accountId));

const preferencesRoute = implement(identityApi.preferences, async ({ app, actor, body }) => {
  await app.db
    .insert(preferences)
    .values({ accountId: actor.accountId, ...body, updatedAt: app.now() })
    .onConflictDoUpdate({ target: preferences.accountId, set: { ...body, updatedAt: app.now() } });
  return body;
});

export const identityRoutes = [signInRoute, signOutRoute, signOutAllRoute, meRoute, preferencesRoute];
