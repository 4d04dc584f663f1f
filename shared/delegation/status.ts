import { z } from 'zod';
import { DomainError } from '../domain-error';
import { text, type LocalizedText } from '../text';

/**
 * The life of an authorization: pending → approved | rejected | expired | cancelled;
 * approved → revoked | expired. Everything else is final.
 */
export const DELEGATION_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'expired',
  'cancelled',
  'revoked',
] as const;
export const DelegationStatus = z.enum(DELEGATION_STATUSES);
export type DelegationStatus = z.infer<typeof DelegationStatus>;

export const DELEGATION_EVENTS = ['approve', 'reject', 'expire', 'cancel', 'revoke'] as const;
export const DelegationEvent = z.enum(DELEGATION_EVENTS);
export type DelegationEvent = z.infer<typeof DelegationEvent>;

const TRANSITIONS: Record<DelegationStatus, Partial<Record<DelegationEvent, DelegationStatus>>> = {
  pending: { approve: 'approved', reject: 'rejected', expire: 'expired', cancel: 'cancelled' },
  approved: { revoke: 'revoked', expire: 'expired' },
  rejected: {},
  expired: {},
  cancelled: {},
  revoked: {},
};

export const statusName: Record<DelegationStatus, LocalizedText> = {
  pending: text('待确认', 'Pending'),
  approved: text('已生效', 'Active'),
  rejected: text('已拒绝', 'Rejected'),
  expired: text('已过期', 'Expired'),
  cancelled: text('已取消', 'Cancelled'),
  revoked: text('已撤销', 'Revoked'),
};

const eventName: Record<DelegationEvent, LocalizedText> = {
  approve: text('确认授权', 'approve'),
  reject: text('拒绝', 'reject'),
  expire: text('到期', 'expire'),
  cancel: text('取消', 'cancel'),
  revoke: text('撤销', 'revoke'),
};

export const isFinal = (status: DelegationStatus): boolean => Object.keys(TRANSITIONS[status]).length === 0;

export const canTransition = (from: DelegationStatus, event: DelegationEvent): boolean =>
  TRANSITIONS[from][event] !== undefined;

/** The status after `event`, or a refusal naming both the current state and the attempted step. */
export const nextStatus = (from: DelegationStatus, event: DelegationEvent): DelegationStatus => {
  const to = TRANSITIONS[from][event];
  if (to) return to;
  throw new DomainError(
    'DELEGATION_STATE_CONFLICT',
    text(
      `该授权当前状态为「${statusName[from].zh}」，不能${eventName[event].zh}。`,
      `This authorization is ${statusName[from].en.toLowerCase()}; it cannot ${eventName[event].en}.`,
    ),
  );
};

/** Every (from, event, to) the machine allows; for documentation and exhaustive tests. */
export const allTransitions = (): {
  from: DelegationStatus;
  event: DelegationEvent;
  to: DelegationStatus;
}[] =>
  DELEGATION_STATUSES.flatMap((from) =>
    DELEGATION_EVENTS.flatMap((event) => {
      const to = TRANSITIONS[from][event];
      return to ? [{ from, event, to }] : [];
    }),
  );
