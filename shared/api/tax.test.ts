import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import {
  computeReturn,
  declarationText,
  filingDeadline,
  isZeroComputation,
  latestEndedPeriod,
  parsePeriodKey,
  periodEnded,
  periodKey,
  zeroReturnInput,
} from './tax';

const facts = { location: 'urban', prepaidOnPlatform: '0.00' } as const;
const q3 = { type: 'quarter', year: 2026, quarter: 3 } as const;

describe('periods', () => {
  it('round-trips keys and refuses what is not a period', () => {
    expect(periodKey(q3)).toBe('2026-Q3');
    expect(parsePeriodKey('2026-Q3')).toEqual(q3);
    expect(parsePeriodKey('2026-10')).toEqual({ type: 'month', year: 2026, month: 10 });
    for (const bad of ['2026-Q5', '2026-13', '2026-1', 'Q3-2026']) expect(parsePeriodKey(bad)).toBeNull();
  });

  it('knows when a period is over, its deadline, and the latest one ended', () => {
    expect(periodEnded(q3, '2026-09-30')).toBe(false);
    expect(periodEnded(q3, '2026-10-01')).toBe(true);
    expect(filingDeadline(q3)).toEqual({ date: '2026-10-26', source: 'official' });
    expect(filingDeadline({ type: 'month', year: 2026, month: 12 })).toEqual({
      date: '2027-01-15',
      source: 'statutory',
    });
    expect(latestEndedPeriod('quarter', '2026-11-22')).toEqual(q3);
    expect(latestEndedPeriod('quarter', '2027-01-02')).toEqual({ type: 'quarter', year: 2026, quarter: 4 });
    expect(latestEndedPeriod('month', '2026-01-05')).toEqual({ type: 'month', year: 2025, month: 12 });
  });
});

describe('computeReturn', () => {
  it('small-scale: blank is zero, surcharges halved on the same form', () => {
    const c = computeReturn(
      q3,
      { form: 'vat-small-scale', sales: { general1pct: '320000', special1pct: ' ' } },
      facts,
    );
    expect(c.totalPayable).toBe('3392.00');
    expect(c.lines.map((l) => [l.code, l.value])).toEqual([
      ['sales-total', '320000.00'],
      ['sales-exempt', '0.00'],
      ['vat', '3200.00'],
      ['city-tax', '112.00'],
      ['edu', '48.00'],
      ['local-edu', '32.00'],
    ]);
  });

  it('refuses a bad figure with the path of its field', () => {
    try {
      computeReturn(q3, { form: 'vat-small-scale', sales: { special3pct: '1.999' } }, facts);
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && [e.code, e.field]).toEqual(['INVALID_NUMBER', 'sales.special3pct']);
    }
  });

  it('CIT adds what the platform already holds to what was prepaid elsewhere', () => {
    const c = computeReturn(
      q3,
      {
        form: 'cit-prepay',
        cumulativeProfit: '600000',
        prepaidBeforePlatform: '5000',
        headcountByQuarter: [['20', '24']],
        assetsByQuarter: [['3000000', '3200000']],
        restrictedIndustry: false,
      },
      { ...facts, prepaidOnPlatform: '10000.00' },
    );
    expect(c.cit).toMatchObject({ cumulativeTax: '30000.00', payableThisPeriod: '15000.00' });
    expect(c.lines.find((l) => l.code === 'prepaid')?.value).toBe('15000.00');
  });

  it('a nil return declares zero and says so', () => {
    const c = computeReturn(q3, zeroReturnInput('vat-small-scale'), facts);
    expect(isZeroComputation(c)).toBe(true);
    expect(declarationText('某某有限公司', q3, c, { zero: true }).zh).toBe(
      '【零申报】为某某有限公司申报2026年第3季度（2026-07-01 至 2026-09-30）增值税及附加税费申报表（小规模纳税人适用）：销售额 0.00 元，应缴税费合计 0.00 元。',
    );
    expect(
      isZeroComputation(computeReturn(q3, { form: 'vat-small-scale', sales: { general1pct: '1' } }, facts)),
    ).toBe(false);
  });
});
