import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import {
  applyTransfers,
  assertTermAllowed,
  capitalTermFlag,
  latestAllowedDue,
  namesDiffer,
  preemptionHolders,
  preemptionWindowEnd,
  type RegisteredShareholder,
} from './equity';
import { checkReductionNotices, reductionNoticeDeadlines } from './change-rules';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
};

const holder = (name: string, subscribed: string, paid = '0.00', dueOn: string | null = '2030-12-31') =>
  ({ name, personId: null, subscribed, paid, dueOn }) satisfies RegisteredShareholder;
const register = [holder('甲', '600000.00', '300000.00'), holder('乙', '400000.00')];

describe('equity transfers (CL §84, §88)', () => {
  it('moves the amount with its unpaid part in proportion, the transferor keeping the rest', () => {
    const out = applyTransfers(register, [{ from: '甲', to: '丙', amount: '200000' }]);
    expect(out.after).toEqual([
      holder('甲', '400000.00', '200000.00'),
      holder('乙', '400000.00'),
      holder('丙', '200000.00', '100000.00'),
    ]);
    expect(out.outsiders).toEqual(['丙']);
    expect(out.unpaidMoved).toEqual([{ from: '甲', to: '丙', unpaid: '100000.00' }]);
  });

  it('a holder who transfers everything leaves; between shareholders nobody is an outsider', () => {
    const out = applyTransfers(register, [{ from: '乙', to: '甲', amount: '400000' }]);
    expect(out.after.map((r) => r.name)).toEqual(['甲']);
    expect(out.outsiders).toEqual([]);
    expect(namesDiffer(register, out.after)).toBe(true);
  });

  it('refuses more than is held, zero, a non-shareholder and oneself', () => {
    expect(codeOf(() => applyTransfers(register, [{ from: '乙', to: '丙', amount: '400000.01' }]))).toBe(
      'TRANSFER_EXCEEDS_HOLDING',
    );
    expect(codeOf(() => applyTransfers(register, [{ from: '乙', to: '丙', amount: '0' }]))).toBe(
      'TRANSFER_EXCEEDS_HOLDING',
    );
    expect(codeOf(() => applyTransfers(register, [{ from: '丁', to: '丙', amount: '1' }]))).toBe(
      'TRANSFEROR_NOT_SHAREHOLDER',
    );
    // Equity received in the same application cannot be passed on in it.
    expect(
      codeOf(() =>
        applyTransfers(register, [
          { from: '甲', to: '丙', amount: '1' },
          { from: '丙', to: '乙', amount: '1' },
        ]),
      ),
    ).toBe('TRANSFEROR_NOT_SHAREHOLDER');
    expect(codeOf(() => applyTransfers(register, [{ from: '甲', to: '甲', amount: '1' }]))).toBe(
      'TRANSFER_TO_SELF',
    );
  });

  it('tells every other shareholder of a transfer to an outsider, for 30 days', () => {
    const transfers = [{ from: '甲', to: '丙', amount: '1' }];
    expect(preemptionHolders(register, transfers, ['丙']).map((r) => r.name)).toEqual(['乙']);
    expect(preemptionHolders(register, transfers, [])).toEqual([]);
    expect(preemptionWindowEnd('2026-11-22')).toBe('2026-12-22');
  });
});

describe('the capital term (CL §47, SC784 §2)', () => {
  it('flags a company registered by 2024-06-30 whose open subscription is due after 2032-06-30', () => {
    expect(capitalTermFlag('2019-06-18', [holder('甲', '1.00', '0.00', '2032-07-01')])).toEqual({
      latestDue: '2032-07-01',
      limit: '2032-06-30',
      shortenBy: '2027-06-30',
    });
    expect(capitalTermFlag('2019-06-18', [holder('甲', '1.00', '0.00', '2032-06-30')])).toBeNull();
    // Paid in full: nothing left to shorten.
    expect(capitalTermFlag('2019-06-18', [holder('甲', '1.00', '1.00', '2040-01-01')])).toBeNull();
    expect(capitalTermFlag('2024-07-01', [holder('甲', '1.00', '0.00', '2040-01-01')])).toBeNull();
  });

  it('allows at most 5 years from incorporation since 2024-07-01, 2032-06-30 before', () => {
    expect(latestAllowedDue('2025-03-01')).toBe('2030-03-01');
    expect(latestAllowedDue('2024-02-29')).toBe('2032-06-30');
    expect(codeOf(() => assertTermAllowed('2025-03-01', '2030-03-02'))).toBe('CAPITAL_TERM_TOO_LONG');
    expect(codeOf(() => assertTermAllowed('2025-03-01', '2030-03-01'))).toBeUndefined();
  });
});

describe('reduction notices (CL §224)', () => {
  it('creditors within 10 days, the announcement within 30 days of the resolution', () => {
    expect(reductionNoticeDeadlines('2026-11-01')).toEqual({
      notifyCreditorsBy: '2026-11-11',
      announceBy: '2026-12-01',
    });
    expect(codeOf(() => checkReductionNotices('2026-11-01', undefined, '2026-11-05'))).toBe(
      'REDUCTION_CREDITORS_NOT_NOTIFIED',
    );
    expect(codeOf(() => checkReductionNotices('2026-11-01', '2026-10-31', '2026-11-05'))).toBe(
      'REDUCTION_CREDITORS_NOTICE_DATE',
    );
    expect(codeOf(() => checkReductionNotices('2026-11-01', '2026-11-12', '2026-11-20'))).toBe(
      'REDUCTION_CREDITORS_NOTICE_LATE',
    );
    expect(codeOf(() => checkReductionNotices('2026-11-01', '2026-11-11', '2026-12-01'))).toBeUndefined();
    expect(codeOf(() => checkReductionNotices('2026-11-01', '2026-11-11', '2026-12-02'))).toBe(
      'REDUCTION_ANNOUNCEMENT_LATE',
    );
  });
});
