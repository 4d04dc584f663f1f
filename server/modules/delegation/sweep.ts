import { and, eq, gt, isNotNull, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { delegations } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { RENEWAL_WINDOW_DAYS } from '../../../shared/delegation/validity';
import { text } from '../../../shared/text';
import { announce, applyTransition, closeRequestInbox, informRequester } from './lifecycle';

const isConflict = (e: unknown): boolean =>
  e instanceof DomainError && (e.code === 'DELEGATION_CHANGED' || e.code === 'DELEGATION_STATE_CONFLICT');

/**
 * Marks lapsed requests (link unanswered past its expiry) and lapsed authorizations (past their end,
 * or single-use and used) as expired, each audited. `scope` narrows the sweep (one company, one
 * delegation). Authorization never depends on this having run: authorize() checks the dates itself.
 */
export const expireDue = async (ctx: AppContext, scope?: SQL): Promise<number> => {
  const now = ctx.now();
  const due = await ctx.db
    .select()
    .from(delegations)
    .where(
      and(
        scope,
        or(
          and(eq(delegations.status, 'pending'), lte(delegations.linkExpiresAt, now)),
          and(
            eq(delegations.status, 'approved'),
            or(
              lte(delegations.validUntil, now),
              and(eq(delegations.singleUse, true), isNotNull(delegations.usedAt)),
            ),
          ),
        ),
      ),
    );
  let changed = 0;
  for (const row of due) {
    const reason =
      row.status === 'pending'
        ? 'link-unanswered'
        : row.singleUse && row.usedAt
          ? 'single-use-consumed'
          : 'validity-ended';
    try {
      await ctx.db.transaction(async (tx) => {
        const u = await applyTransition(
          tx,
          row,
          'expire',
          { personId: null, actingAs: 'system' },
          {},
          { reason },
        );
        if (row.status === 'pending') {
          await closeRequestInbox(tx, row.id, now);
          await informRequester(
            tx,
            u,
            'delegation.expired',
            text(
              '授权申请已过期：法定代表人未在有效期内确认',
              'Authorization request expired: the legal representative did not answer in time',
            ),
          );
        } else {
          await informRequester(tx, u, 'delegation.expired', text('授权已到期', 'Authorization has ended'));
        }
        await announce(ctx, u, 'expired', tx);
        return u;
      });
      changed++;
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }
  return changed;
};

/** Once per authorization, from 30 days before its end, reminds the delegate to renew. */
export const remindRenewals = async (ctx: AppContext): Promise<number> => {
  const now = ctx.now();
  const horizon = new Date(now.getTime() + RENEWAL_WINDOW_DAYS * 86_400_000);
  const due = await ctx.db
    .select()
    .from(delegations)
    .where(
      and(
        eq(delegations.status, 'approved'),
        eq(delegations.singleUse, false),
        isNotNull(delegations.granteePersonId),
        isNull(delegations.renewalRemindedAt),
        gt(delegations.validUntil, now),
        lte(delegations.validUntil, horizon),
      ),
    );
  for (const row of due) {
    await ctx.db.transaction(async (tx) => {
      await tx.update(delegations).set({ renewalRemindedAt: now }).where(eq(delegations.id, row.id));
      const until = row.validUntil ? row.validUntil.toISOString().slice(0, 10) : '';
      await informRequester(
        tx,
        row,
        'delegation.renewal-due',
        text(
          `授权将于 ${until} 到期，可一键申请续期`,
          `Authorization ends on ${until}; renew it with one click`,
        ),
      );
      await writeAudit(tx, {
        actorPersonId: null,
        actingAs: 'system',
        action: 'delegation.remind-renewal',
        companyId: row.companyId,
        delegationId: row.id,
      });
      await announce(ctx, row, 'renewal-due', tx);
    });
  }
  return due.length;
};
