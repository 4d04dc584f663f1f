import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { accounts, persons, sessions } from '../db/schema';
import { hashToken } from '../security/tokens';
import { SessionCache } from './session-cache';

export type Actor = {
  accountId: string;
  personId: string;
  sessionId: string;
  name: string;
  role: 'user' | 'reviewer';
};

export const bearerToken = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
};

/** This context's session cache, made on first use and kept current by the event fan-out. */
export const sessionCacheOf = (ctx: AppContext): SessionCache => {
  let cache = ctx.services.sessionCache;
  if (!cache) {
    const made = new SessionCache();
    ctx.bus.onSessionsEnded((target) => made.drop(target));
    ctx.services.sessionCache = made;
    cache = made;
  }
  return cache;
};

/**
 * Drops a person's cached sessions (or one) on this instance at once. Other instances learn it from
 * the `closeStreams` / `sessionsChanged` message the change published in its transaction. Call after
 * the commit; a lookup that raced the change does not store its row (see SessionCache).
 */
export const dropCachedSessions = (
  ctx: AppContext,
  target: { personId: string; sessionId?: string },
): void => {
  sessionCacheOf(ctx).drop(target);
};

/**
 * Resolves the bearer token to a live session; forged, expired or revoked tokens resolve to nothing.
 * Served from the in-process cache when it holds the token (`fresh` reads the database anyway);
 * a miss is one statement.
 */
export const resolveActor = async (
  ctx: AppContext,
  token: string | undefined,
  options: { fresh?: boolean } = {},
): Promise<Actor | undefined> => {
  if (!token || token.length > 200) return undefined;
  const tokenHash = hashToken(token);
  const cache = sessionCacheOf(ctx);
  const now = ctx.now();
  if (!options.fresh) {
    const hit = cache.get(tokenHash, now);
    if (hit) return hit;
  }
  const mark = cache.mark();
  const [row] = await ctx.db
    .select({
      sessionId: sessions.id,
      accountId: accounts.id,
      personId: persons.id,
      name: persons.name,
      role: accounts.role,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  if (!row) return undefined;
  const { expiresAt, ...actor } = row;
  cache.set(tokenHash, actor, expiresAt, mark);
  return actor;
};
