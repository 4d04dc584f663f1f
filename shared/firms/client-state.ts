import { z } from 'zod';
import { text, type LocalizedText } from '../text';

const DAY_MS = 86_400_000;

/** From this many days before the end, a firm's authorization shows as "expiring" and may be renewed. */
export const EXPIRING_DAYS = 30;
/** The roster flags licences ending within this many days. */
export const LICENCE_HORIZON_DAYS = 90;

/** Where the firm stands with one client's authorization. */
export const ClientDelegationState = z.enum([
  'active',
  'expiring',
  'pending',
  'expired',
  'revoked',
  'rejected',
  'none',
]);
export type ClientDelegationState = z.infer<typeof ClientDelegationState>;

/** This period's return of one tax for one client. `na`: nothing to file (not yet established). */
export const FilingState = z.enum(['filed', 'submitted', 'draft', 'due', 'overdue', 'na']);
export type FilingState = z.infer<typeof FilingState>;

export type FirmDelegationFacts = {
  status: 'pending' | 'approved' | 'rejected' | 'expired' | 'cancelled' | 'revoked';
  validUntil: Date | null;
  singleUse: boolean;
  usedAt: Date | null;
  createdAt: Date;
};

/** Whole days from `now` until `until`, rounded up (ends later today → 1, already ended → ≤ 0). */
export const daysUntil = (until: Date, now: Date): number =>
  Math.ceil((until.getTime() - now.getTime()) / DAY_MS);

const counts = (d: FirmDelegationFacts, now: Date): boolean =>
  d.status === 'approved' &&
  (d.validUntil === null || d.validUntil > now) &&
  !(d.singleUse && d.usedAt !== null);

/**
 * Sums up every authorization the firm has from one client: the one in force (the longest
 * running), else a request waiting, else what happened to the latest.
 */
export const clientDelegationState = (
  delegations: readonly FirmDelegationFacts[],
  now: Date,
): {
  state: ClientDelegationState;
  validUntil: Date | null;
  daysLeft: number | null;
  renewalPending: boolean;
} => {
  const pending = delegations.some((d) => d.status === 'pending');
  const active = delegations
    .filter((d) => counts(d, now))
    .sort((a, b) => (b.validUntil?.getTime() ?? Infinity) - (a.validUntil?.getTime() ?? Infinity))[0];
  if (active) {
    const daysLeft = active.validUntil ? daysUntil(active.validUntil, now) : null;
    const state = daysLeft !== null && daysLeft <= EXPIRING_DAYS ? 'expiring' : 'active';
    return { state, validUntil: active.validUntil, daysLeft, renewalPending: pending };
  }
  if (pending) return { state: 'pending', validUntil: null, daysLeft: null, renewalPending: false };
  const latest = [...delegations].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!latest || latest.status === 'cancelled')
    return { state: 'none', validUntil: null, daysLeft: null, renewalPending: false };
  const state: ClientDelegationState =
    latest.status === 'revoked' ? 'revoked' : latest.status === 'rejected' ? 'rejected' : 'expired';
  return {
    state,
    validUntil: latest.validUntil,
    daysLeft: latest.validUntil ? daysUntil(latest.validUntil, now) : null,
    renewalPending: false,
  };
};

export const delegationStateName: Record<ClientDelegationState, LocalizedText> = {
  active: text('授权有效', 'Authorized'),
  expiring: text('即将到期', 'Expiring soon'),
  pending: text('待法定代表人确认', 'Awaiting legal representative'),
  expired: text('授权已过期', 'Expired'),
  revoked: text('授权已撤销', 'Revoked'),
  rejected: text('授权被拒绝', 'Declined'),
  none: text('未授权', 'No authorization'),
};

export const filingStateName: Record<FilingState, LocalizedText> = {
  filed: text('已申报', 'Filed'),
  submitted: text('已提交', 'Submitted'),
  draft: text('有草稿', 'Draft'),
  due: text('待申报', 'To file'),
  overdue: text('已逾期', 'Overdue'),
  na: text('无需申报', 'Nothing due'),
};
