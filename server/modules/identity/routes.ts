import { and, eq, isNull } from 'drizzle-orm';
import { defineRoute } from '../../http/route';
import { preferences, sessions } from '../../db/schema';
import { Me, Ok, Preferences, SignInRequest, SignInResponse } from '../../../shared/api/identity';
import { signIn } from './sign-in';
import { loadMe } from './me';
import { hashToken } from '../../security/tokens';
import { bearerToken, dropCachedSessions } from '../../auth/session';
import { writeAudit } from '../../audit/write';

const signInRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/sign-in',
  summary: 'Sign in with phone or resident ID and password',
  tags: ['identity'],
  access: { kind: 'public' },
  body: SignInRequest,
  response: SignInResponse,
  rateLimit: { max: 30, timeWindow: 60_000 },
  handler: async ({ app, body, request }) => {
    const { token, expiresAt, accountId } = await signIn(app, {
      ...body,
      userAgent: request.headers['user-agent'],
    });
    return { token, expiresAt: expiresAt.toISOString(), me: await loadMe(app, accountId) };
  },
});

const signOutRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/sign-out',
  summary: 'Sign out this session',
  tags: ['identity'],
  access: { kind: 'user' },
  response: Ok,
  handler: async ({ app, request, actor }) => {
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
  },
});

const signOutAllRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/sign-out-all',
  summary: 'Revoke every session of this account (all devices)',
  tags: ['identity'],
  access: { kind: 'user' },
  response: Ok,
  handler: async ({ app, actor }) => {
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
  },
});

const meRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/me',
  summary: 'The signed-in person, their role and preferences',
  tags: ['identity'],
  access: { kind: 'user' },
  response: Me,
  handler: async ({ app, actor }) => loadMe(app, actor.accountId),
});

const preferencesRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/me/preferences',
  summary: 'Save language and elder mode for this account',
  tags: ['identity'],
  access: { kind: 'user' },
  body: Preferences,
  response: Preferences,
  handler: async ({ app, actor, body }) => {
    await app.db
      .insert(preferences)
      .values({ accountId: actor.accountId, ...body, updatedAt: app.now() })
      .onConflictDoUpdate({ target: preferences.accountId, set: { ...body, updatedAt: app.now() } });
    return body;
  },
});

export const identityRoutes = [signInRoute, signOutRoute, signOutAllRoute, meRoute, preferencesRoute];
