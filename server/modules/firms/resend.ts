import { and, eq, gt, isNotNull, lte } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { delegations, firmRequestResends } from '../../db/schema';
import { announce } from '../delegation';
import { isDomainError } from '../../../shared/domain-error';
import { firmDelegationPort } from './firm-requests';

const HOUR_MS = 3_600_000;

export type ResendSettings = {
  /** Re-send a firm's unanswered request when its link has less than this many hours left. */
  beforeHours: number;
  /** At most this many automatic re-sends per request; after that the firm decides. */
  maxResends: number;
};

export const resendSettings = (env: NodeJS.ProcessEnv = process.env): ResendSettings => ({
  beforeHours: Math.max(1, Number(env.SHANGTONG_FIRM_RESEND_HOURS ?? 24) || 24),
  maxResends: Math.max(0, Number(env.SHANGTONG_FIRM_MAX_RESENDS ?? 2) || 0),
});

/**
 * Gives firms' unanswered requests a fresh link shortly before the old one lapses (and reminds the
 * legal representative, whose inbox item comes back unread), a limited number of times.
 * Returns how many were re-sent.
 */
export const resendUnanswered = async (
  ctx: AppContext,
  settings: ResendSettings = resendSettings(),
): Promise<number> => {
  const now = ctx.now();
  const due = await ctx.db
    .select({ d: delegations, count: firmRequestResends.count })
    .from(delegations)
    .leftJoin(firmRequestResends, eq(firmRequestResends.delegationId, delegations.id))
    .where(
      and(
        eq(delegations.status, 'pending'),
        isNotNull(delegations.granteeFirmId),
        gt(delegations.linkExpiresAt, now),
        lte(delegations.linkExpiresAt, new Date(now.getTime() + settings.beforeHours * HOUR_MS)),
      ),
    );
  let sent = 0;
  for (const { d, count } of due) {
    if ((count ?? 0) >= settings.maxResends || !d.granteeFirmId) continue;
    const firmId = d.granteeFirmId;
    try {
      const { row } = await ctx.db.transaction(async (tx) => {
        const result = await firmDelegationPort.resend(ctx, tx, d, { personId: null, firmId });
        await tx
          .insert(firmRequestResends)
          .values({ delegationId: d.id, firmId, count: 1, lastAt: now })
          .onConflictDoUpdate({
            target: firmRequestResends.delegationId,
            set: { count: (count ?? 0) + 1, lastAt: now },
          });
        return result;
      });
      sent += 1;
      await announce(ctx, row, 'resent');
    } catch (e) {
      // Answered or changed meanwhile: nothing to re-send.
      if (!isDomainError(e)) throw e;
    }
  }
  return sent;
};

/** Runs the automatic re-send now and then every `everyMs`; returns a stop function. */
export const startResendSweeper = (ctx: AppContext, everyMs = 10 * 60_000): (() => void) => {
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await resendUnanswered(ctx);
    } catch (e) {
      console.error('firm request re-send failed', e);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
};
