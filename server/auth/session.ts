import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { accounts, persons, sessions } from '../db/schema';
import { hashToken } from '../security/tokens';

export type Actor = {
  accountId: string;
  personId: string;
  sessionId: string;
  name: string;
  role: 'user' | 'reviewer';
  /** When the session ends by itself (open event streams close then). */
  sessionExpiresAt: Date;
};

export const bearerToken = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
};

/** Resolves the bearer token to a live session; forged, expired or revoked tokens resolve to nothing. */
export const resolveActor = async (
  ctx: AppContext,
  token: string | undefined,
): Promise<Actor | undefined> => {
  if (!token || token.length > 200) return undefined;
  const [row] = await ctx.db
    .select({
      sessionId: sessions.id,
      accountId: accounts.id,
      personId: persons.id,
      name: persons.name,
      role: accounts.role,
      sessionExpiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, ctx.now()),
      ),
    );
  return row;
};
