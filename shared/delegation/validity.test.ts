import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonthsCst,
  checkValidity,
  renewalDue,
  renewalStart,
  Validity,
  validityFromColumns,
  validityToColumns,
  validUntil,
} from './validity';

const at = (iso: string): Date => new Date(iso);

describe('validity', () => {
  it('accepts 1 day to 12 months and refuses beyond with a clear code', () => {
    for (const v of [
      { kind: 'days', days: 1 },
      { kind: 'days', days: 365 },
      { kind: 'months', months: 1 },
      { kind: 'months', months: 12 },
      { kind: 'single-use', matter: '2026年一季度增值税申报' },
    ] as Validity[])
      expect(() => checkValidity(v)).not.toThrow();
    expect(() => checkValidity({ kind: 'months', months: 13 })).toThrow(
      expect.objectContaining({ code: 'VALIDITY_TOO_LONG', field: 'validity' }),
    );
    expect(() => checkValidity({ kind: 'days', days: 366 })).toThrow(
      expect.objectContaining({ code: 'VALIDITY_TOO_LONG' }),
    );
    expect(() => checkValidity({ kind: 'days', days: 0 })).toThrow(
      expect.objectContaining({ code: 'VALIDITY_TOO_SHORT' }),
    );
    expect(() => checkValidity({ kind: 'months', months: -1 })).toThrow(
      expect.objectContaining({ code: 'VALIDITY_TOO_SHORT' }),
    );
  });

  it('refuses a single-use request without a matter at the schema', () => {
    expect(Validity.safeParse({ kind: 'single-use', matter: ' ' }).success).toBe(false);
    expect(Validity.safeParse({ kind: 'weeks', weeks: 2 }).success).toBe(false);
  });

  it('adds calendar months in China time and clamps to the last day of the month', () => {
    // 31 Jan 10:00 in Beijing (02:00Z) + 1 month = 28 Feb 10:00 Beijing.
    expect(addMonthsCst(at('2026-01-31T02:00:00Z'), 1).toISOString()).toBe('2026-02-28T02:00:00.000Z');
    // 31 Jan 23:30 Beijing is still 31 Jan there even though it is 15:30Z.
    expect(addMonthsCst(at('2026-01-31T15:30:00Z'), 1).toISOString()).toBe('2026-02-28T15:30:00.000Z');
    expect(addMonthsCst(at('2027-03-01T00:00:00Z'), 12).toISOString()).toBe('2028-03-01T00:00:00.000Z');
    expect(addMonthsCst(at('2026-11-30T04:00:00Z'), 3).toISOString()).toBe('2027-02-28T04:00:00.000Z');
  });

  it('never ends more than 12 months (366 days) after it starts', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2000-01-01'), max: at('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 12 }),
        (start, months) => {
          const end = validUntil({ kind: 'months', months }, start);
          expect(end.getTime()).toBeGreaterThan(start.getTime());
          expect(end.getTime() - start.getTime()).toBeLessThanOrEqual(366 * 86_400_000);
        },
      ),
    );
  });

  it('computes the end for days and single use', () => {
    const start = at('2026-03-01T00:00:00Z');
    expect(validUntil({ kind: 'days', days: 7 }, start).toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(validUntil({ kind: 'single-use', matter: '一次' }, start).toISOString()).toBe(
      '2026-03-31T00:00:00.000Z',
    );
  });

  it('reminds from 30 days before the end, renews without a gap', () => {
    const now = at('2026-06-01T00:00:00Z');
    expect(renewalDue(at('2026-07-01T00:00:00Z'), now)).toBe(true);
    expect(renewalDue(at('2026-07-01T00:00:01Z'), now)).toBe(false);
    expect(renewalDue(at('2026-05-31T00:00:00Z'), now)).toBe(false);
    expect(renewalDue(null, now)).toBe(false);
    expect(renewalStart(at('2026-06-20T00:00:00Z'), now).toISOString()).toBe('2026-06-20T00:00:00.000Z');
    expect(renewalStart(at('2026-05-20T00:00:00Z'), now)).toBe(now);
  });

  it('round-trips through the stored columns', () => {
    for (const v of [
      { kind: 'days', days: 3 },
      { kind: 'months', months: 6 },
      { kind: 'single-use', matter: '变更登记' },
    ] as Validity[])
      expect(validityFromColumns(validityToColumns(v))).toEqual(v);
  });
});
