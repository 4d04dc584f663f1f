import { describe, expect, it } from 'vitest';
import {
  allTransitions,
  canTransition,
  DELEGATION_EVENTS,
  DELEGATION_STATUSES,
  isFinal,
  nextStatus,
} from './status';
import { DomainError } from '../domain-error';

describe('delegation state machine', () => {
  it('allows exactly the transitions of the status model', () => {
    expect(allTransitions()).toEqual([
      { from: 'pending', event: 'approve', to: 'approved' },
      { from: 'pending', event: 'reject', to: 'rejected' },
      { from: 'pending', event: 'expire', to: 'expired' },
      { from: 'pending', event: 'cancel', to: 'cancelled' },
      { from: 'approved', event: 'expire', to: 'expired' },
      { from: 'approved', event: 'revoke', to: 'revoked' },
    ]);
  });

  it('refuses every other step with DELEGATION_STATE_CONFLICT (409) in both languages', () => {
    for (const from of DELEGATION_STATUSES)
      for (const event of DELEGATION_EVENTS) {
        if (canTransition(from, event)) continue;
        try {
          nextStatus(from, event);
          expect.fail(`${from} --${event}--> should be refused`);
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          const err = e as DomainError;
          expect(err.code).toBe('DELEGATION_STATE_CONFLICT');
          expect(err.text.zh.length).toBeGreaterThan(0);
          expect(err.text.en.length).toBeGreaterThan(0);
        }
      }
  });

  it('cannot approve twice, revoke a pending request or cancel an approved authorization', () => {
    expect(() => nextStatus('approved', 'approve')).toThrow(/cannot approve/);
    expect(() => nextStatus('pending', 'revoke')).toThrow(/pending; it cannot revoke/);
    expect(() => nextStatus('approved', 'cancel')).toThrow(DomainError);
  });

  it('knows the final states', () => {
    expect(DELEGATION_STATUSES.filter(isFinal)).toEqual(['rejected', 'expired', 'cancelled', 'revoked']);
  });
});
