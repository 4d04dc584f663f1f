import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { citAnnualDue, companyObligations } from './obligations';

const old = '2019-06-01';

describe('companyObligations', () => {
  it('quarterly small-scale filer in early April: VAT and CIT for Q1, then the annual settlement', () => {
    const r = companyObligations(
      { taxpayerType: 'small-scale', vatPeriod: 'quarter', establishedOn: old },
      '2026-04-01',
    );
    expect(r).toEqual([
      {
        tax: 'vat',
        period: { type: 'quarter', year: 2026, quarter: 1 },
        dueDate: '2026-04-20',
        daysLeft: 19,
        sourceOfDate: 'official',
      },
      {
        tax: 'cit-prepay',
        period: { type: 'quarter', year: 2026, quarter: 1 },
        dueDate: '2026-04-20',
        daysLeft: 19,
        sourceOfDate: 'official',
      },
      {
        tax: 'cit-annual',
        period: { type: 'year', year: 2025 },
        dueDate: '2026-06-01',
        daysLeft: 61,
        sourceOfDate: 'computed',
      },
    ]);
  });
  it('monthly filer: the due date itself still counts (0 days left)', () => {
    const r = companyObligations(
      { taxpayerType: 'general', vatPeriod: 'month', establishedOn: old },
      '2026-01-20',
    );
    expect(r[0]).toMatchObject({ tax: 'vat', period: { type: 'month', year: 2025, month: 12 }, daysLeft: 0 });
    expect(r[1]).toMatchObject({
      tax: 'cit-prepay',
      period: { type: 'quarter', year: 2025, quarter: 4 },
      dueDate: '2026-01-20',
    });
    expect(r[2]).toMatchObject({
      tax: 'vat',
      period: { type: 'month', year: 2026, month: 1 },
      dueDate: '2026-02-24',
    });
  });
  it('skips periods that ended before the company existed', () => {
    const r = companyObligations(
      { taxpayerType: 'small-scale', vatPeriod: 'quarter', establishedOn: '2026-04-10' },
      '2026-04-12',
    );
    expect(r.map((o) => [o.tax, o.dueDate])).toEqual([
      ['vat', '2026-07-15'],
      ['cit-prepay', '2026-07-15'],
      ['vat', '2026-10-26'],
      ['cit-prepay', '2026-10-26'],
    ]);
  });
  it('beyond the published years dates are statutory', () => {
    const r = companyObligations(
      { taxpayerType: 'small-scale', vatPeriod: 'quarter', establishedOn: old },
      '2026-12-20',
    );
    expect(r[0]).toMatchObject({ dueDate: '2027-01-15', sourceOfDate: 'statutory' });
  });
  it('refuses a bad profile or date', () => {
    for (const run of [
      () =>
        companyObligations(
          { taxpayerType: 'small-scale', vatPeriod: 'quarter', establishedOn: '2026-02-30' },
          '2026-04-01',
        ),
      () =>
        companyObligations(
          { taxpayerType: 'small-scale', vatPeriod: 'quarter', establishedOn: old },
          '1 April',
        ),
    ]) {
      expect(() => run()).toThrow();
      try {
        run();
      } catch (e) {
        expect(isDomainError(e)).toBe(true);
      }
    }
  });
});

describe('CIT annual settlement date', () => {
  it('31 May moves to the next working day when it is a rest day', () => {
    expect(citAnnualDue(2024)).toEqual({ date: '2025-06-03', source: 'computed' }); // Dragon Boat break 31 May–2 June
    expect(citAnnualDue(2025)).toEqual({ date: '2026-06-01', source: 'computed' }); // a Sunday
    expect(citAnnualDue(2023)).toEqual({ date: '2024-05-31', source: 'computed' }); // a Friday
    expect(citAnnualDue(2026)).toEqual({ date: '2027-05-31', source: 'statutory' }); // no 2027 data yet
  });
});
