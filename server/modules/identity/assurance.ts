import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import type { Actor } from '../../auth/session';
import { accounts, faceAttempts, faceConsents, persons, sessions } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import type { AssuranceView } from '../../../shared/api/assurance';
import {
  FRESH_FACE_SECONDS,
  judgeAssurance,
  LEVEL_OF_ACTION,
  type AssuranceLevel,
  type AssuranceState,
  type AssuredAction,
} from '../../../shared/identity/assurance';

/** The session's assurance, read fresh (a face check in another request may have just happened). */
export const assuranceOf = async (db: DbOrTx, sessionId: string): Promise<AssuranceState> => {
  const [row] = await db
    .select({
      session: sessions.assurance,
      faceVerifiedAt: sessions.faceVerifiedAt,
      faceUsedAt: sessions.faceUsedAt,
      reverifyWindowMinutes: accounts.reverifyWindowMinutes,
      counterVerifiedAt: persons.counterVerifiedAt,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(sessions.id, sessionId));
  if (!row) throw new Error(`session ${sessionId} vanished`);
  return {
    session: row.session,
    faceVerifiedAt: row.faceVerifiedAt,
    faceUsedAt: row.faceUsedAt,
    reverifyWindowMinutes: row.reverifyWindowMinutes,
    counterVerified: row.counterVerifiedAt !== null,
  };
};

export const faceCheckRequired = (): DomainError =>
  new DomainError(
    'FACE_CHECK_REQUIRED',
    text(
      '此操作需要本人刷脸核验（或到窗口出示身份证核验），请先完成刷脸。',
      'This action needs a live face check (or in-person verification at a counter); do the face check first.',
    ),
  );

/** How an action was assured, for its audit row. */
export type Assured = { level: AssuranceLevel; via: string; faceVerifiedAt?: string };

/**
 * The one check before an action that needs a level of assurance (LEVEL_OF_ACTION, or a level
 * directly). For `face`: a live face check of this session that is unused and just done, or any
 * within the person's re-verification window, or counter verification (L5). A just-done face
 * check is used up here (in `tx` when given, so a rolled-back action leaves it unused).
 * Throws FACE_CHECK_REQUIRED otherwise; returns what to put in the action's audit detail.
 */
export const requireLevel = async (
  ctx: AppContext,
  actor: Pick<Actor, 'sessionId'>,
  need: AssuranceLevel | AssuredAction,
  tx: DbOrTx = ctx.db,
): Promise<Assured> => {
  const level: AssuranceLevel = need === 'password' || need === 'face' ? need : LEVEL_OF_ACTION[need];
  const now = ctx.now();
  const verdict = judgeAssurance(await assuranceOf(tx, actor.sessionId), level, now);
  if (!verdict.ok) throw faceCheckRequired();
  if (verdict.via === 'fresh-face') {
    // Single use: only the request that takes it first (a racing second one finds it used).
    const [taken] = await tx
      .update(sessions)
      .set({ faceUsedAt: now })
      .where(
        and(
          eq(sessions.id, actor.sessionId),
          sql`(${sessions.faceUsedAt} is null or ${sessions.faceUsedAt} < ${sessions.faceVerifiedAt})`,
        ),
      )
      .returning({ id: sessions.id });
    if (!taken) throw faceCheckRequired();
  }
  return {
    level,
    via: verdict.via,
    ...(verdict.faceVerifiedAt ? { faceVerifiedAt: verdict.faceVerifiedAt.toISOString() } : {}),
  };
};

/** The person's latest answer to the face-processing notice (单独同意), or null if never asked. */
export const faceConsentOf = async (
  db: DbOrTx,
  residentIdHash: string,
): Promise<'given' | 'refused' | null> => {
  const [row] = await db
    .select({ decision: faceConsents.decision, withdrawnAt: faceConsents.withdrawnAt })
    .from(faceConsents)
    .where(eq(faceConsents.residentIdHash, residentIdHash))
    .orderBy(desc(faceConsents.givenAt))
    .limit(1);
  if (!row) return null;
  return row.withdrawnAt ? 'refused' : row.decision;
};

/** Failed session face checks in the last half hour (a lock against guessing with photos). */
export const recentFaceFailures = async (ctx: AppContext, personId: string): Promise<number> => {
  const since = new Date(ctx.now().getTime() - 30 * 60_000);
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(faceAttempts)
    .where(
      and(
        eq(faceAttempts.personId, personId),
        eq(faceAttempts.purpose, 'session.face'),
        eq(faceAttempts.match, false),
        gte(faceAttempts.submittedAt, since),
      ),
    );
  return row?.n ?? 0;
};

/** Sets the re-verification window (身份认证频次); audited. */
export const setReverifyWindow = async (
  ctx: AppContext,
  actor: Actor,
  minutes: number | null,
): Promise<void> => {
  await ctx.db.transaction(async (tx) => {
    await tx.update(accounts).set({ reverifyWindowMinutes: minutes }).where(eq(accounts.id, actor.accountId));
    await writeAudit(tx, {
      actorPersonId: actor.personId,
      actingAs: 'self',
      action: 'identity.reverify-window',
      detail: { minutes },
    });
  });
};

/** Until when an action needing a face passes without a new check, or null. */
export const faceValidUntil = (state: AssuranceState, now: Date): Date | null => {
  const at = state.faceVerifiedAt;
  if (!at) return null;
  const window = state.reverifyWindowMinutes;
  const until =
    window !== null && window > 0
      ? new Date(at.getTime() + window * 60_000)
      : state.faceUsedAt === null || state.faceUsedAt < at
        ? new Date(at.getTime() + FRESH_FACE_SECONDS * 1000)
        : null;
  return until && until > now ? until : null;
};

/** The session's assurance as the person sees it. */
export const assuranceView = async (ctx: AppContext, actor: Actor): Promise<AssuranceView> => {
  const state = await assuranceOf(ctx.db, actor.sessionId);
  const [p] = await ctx.db
    .select({ hash: persons.residentIdHash })
    .from(persons)
    .where(eq(persons.id, actor.personId));
  return {
    session: state.session,
    faceVerifiedAt: state.faceVerifiedAt?.toISOString() ?? null,
    faceValidUntil: faceValidUntil(state, ctx.now())?.toISOString() ?? null,
    reverifyWindowMinutes: state.reverifyWindowMinutes,
    counterVerified: state.counterVerified,
    faceConsent: p ? await faceConsentOf(ctx.db, p.hash) : null,
  };
};
