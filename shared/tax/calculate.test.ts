import { describe, expect, it } from 'vitest';
import { calculate } from './calculate';
import { CalculateResponse } from './contract';
import { refusal } from './test-helpers';

const q = (year: number, quarter: number) => ({ type: 'quarter', year, quarter });
const m = (year: number, month: number) => ({ type: 'month', year, month });

describe('published worked examples (tax.md §7)', () => {
  it('Q1 2026, quarterly, 280,000 at 1%: exempt', () => {
    const r = calculate({ kind: 'vat-small-scale', period: q(2026, 1), sales: { general1pct: '280000' } });
    expect(r).toMatchObject({ regime: '2026-2027', exemptSales: '280000.00', vat: '0.00' });
  });
  it('Q2 2026, quarterly, 320,000 at 1%: 3,200.00 on the whole amount', () => {
    const r = calculate({ kind: 'vat-small-scale', period: q(2026, 2), sales: { general1pct: '320000' } });
    expect(r).toMatchObject({ totalSales: '320000.00', exemptSales: '0.00', vat: '3200.00' });
  });
  it('Q2 2026, 50,000 on 3% special invoices: 1,500.00', () => {
    const r = calculate({ kind: 'vat-small-scale', period: q(2026, 2), sales: { special3pct: '50000' } });
    expect(r).toMatchObject({ vat: '1500.00' });
  });
  it('Jan 2024, monthly, 200,000 with a 120,000 差额 deduction: 80,000 tested, exempt', () => {
    const r = calculate({
      kind: 'vat-small-scale',
      period: m(2024, 1),
      sales: { general1pct: '200000' },
      deduction: '120000',
    });
    expect(r).toMatchObject({
      regime: '2023-2025',
      thresholdTestSales: '80000.00',
      totalSales: '80000.00',
      exemptSales: '80000.00',
      vat: '0.00',
    });
  });
  it('530,000 tax-inclusive at 6%: output 30,000.00', () => {
    const r = calculate({ kind: 'vat-general', inclusiveSalesByRate: { '6': '530000' } });
    expect(r).toMatchObject({ outputTax: '30000.00', vatPayable: '30000.00', creditCarriedForward: '0.00' });
  });
  const cit = (taxableIncome: string, avgHeadcount: number, avgTotalAssets: string) =>
    calculate({ kind: 'cit-annual', taxYear: 2026, taxableIncome, avgHeadcount, avgTotalAssets });
  it('2026, income 2,660,000, 48 staff, 12M assets: small low-profit, 133,000.00', () => {
    expect(cit('2660000', 48, '12000000')).toMatchObject({ smallLowProfit: true, tax: '133000.00' });
  });
  it('2026, income 3,100,000: not eligible, 775,000.00', () => {
    expect(cit('3100000', 48, '12000000')).toMatchObject({ smallLowProfit: false, tax: '775000.00' });
  });
  it('2026, income 600,000, 20 staff, 3M assets: 30,000.00', () => {
    expect(cit('600000', 20, '3000000')).toMatchObject({ smallLowProfit: true, tax: '30000.00' });
  });
});

describe('every answer matches the response contract', () => {
  const requests = [
    { kind: 'vat-small-scale', period: m(2025, 6), sales: { general1pct: '100000.01', special3pct: '5.55' } },
    { kind: 'vat-general', salesByRate: { '13': '100' }, inputTax: '50' },
    { kind: 'surcharges', vatPaid: '1000', location: 'other', periodType: 'month', periodSales: '200000' },
    { kind: 'cit-annual', taxYear: 2023, taxableIncome: '-5', avgHeadcount: '1', avgTotalAssets: '1' },
    {
      kind: 'cit-prepay',
      taxYear: 2027,
      quarter: 4,
      cumulativeProfit: '1',
      avgHeadcount: 1,
      avgTotalAssets: '1',
    },
  ];
  it.each(requests)('$kind', (request) => {
    expect(() => CalculateResponse.parse(calculate(request))).not.toThrow();
  });
});

describe('refusals carry the code and the dotted field (tax.md §5)', () => {
  const vat = (extra: Record<string, unknown>) => ({ kind: 'vat-small-scale', period: m(2025, 1), ...extra });
  it.each([
    ['INVALID_NUMBER', 'sales.general1pct', vat({ sales: { general1pct: 'abc' } })],
    ['INVALID_NUMBER', 'sales.general1pct', vat({ sales: { general1pct: null } })],
    ['INVALID_NUMBER', 'sales.general1pct', vat({ sales: { general1pct: 100 } })],
    ['INVALID_NUMBER', 'sales.special1pct', vat({ sales: { special1pct: '1.234' } })],
    ['INVALID_NUMBER', 'sales.special1pct', vat({ sales: { special1pct: '1e5' } })],
    ['INVALID_NUMBER', 'deduction', vat({ deduction: '' })],
    ['NEGATIVE_AMOUNT', 'sales.general1pct', vat({ sales: { general1pct: '-0.01' } })],
    [
      'NEGATIVE_AMOUNT',
      'vatPaid',
      { kind: 'surcharges', vatPaid: '-1', location: 'urban', periodType: 'month', periodSales: '0' },
    ],
    [
      'INVALID_PERIOD_TYPE',
      'period.type',
      { kind: 'vat-small-scale', period: { type: 'week', year: 2025, week: 1 } },
    ],
    ['INVALID_PERIOD_TYPE', 'period.type', { kind: 'vat-small-scale', period: { year: 2025, month: 1 } }],
    [
      'INVALID_PERIOD_TYPE',
      'periodType',
      { kind: 'surcharges', vatPaid: '1', location: 'urban', periodType: 'year', periodSales: '0' },
    ],
    ['UNSUPPORTED_PERIOD', 'period.year', { kind: 'vat-small-scale', period: m(2028, 1) }],
    ['UNSUPPORTED_PERIOD', 'period.year', { kind: 'vat-small-scale', period: q(2022, 4) }],
    [
      'UNSUPPORTED_PERIOD',
      'taxYear',
      { kind: 'cit-annual', taxYear: 2028, taxableIncome: '1', avgHeadcount: 1, avgTotalAssets: '1' },
    ],
    [
      'UNSUPPORTED_ITEM',
      'sales.realEstate5pct',
      { kind: 'vat-small-scale', period: m(2026, 1), sales: { realEstate5pct: '1' } },
    ],
    ['UNSUPPORTED_ITEM', 'sales.rental5pct', vat({ sales: { rental5pct: '1' } })],
    ['DEDUCTION_EXCEEDS_SALES', 'deduction', vat({ sales: { general1pct: '100' }, deduction: '100.01' })],
    [
      'INVALID_LOCATION',
      'location',
      { kind: 'surcharges', vatPaid: '1', location: 'city', periodType: 'month', periodSales: '0' },
    ],
    ['INVALID_RATE', 'salesByRate.17', { kind: 'vat-general', salesByRate: { '17': '100' } }],
    ['INVALID_RATE', 'inclusiveSalesByRate.3', { kind: 'vat-general', inclusiveSalesByRate: { '3': '100' } }],
    ['INVALID_REQUEST', 'kind', { kind: 'vat-large-scale' }],
    ['INVALID_REQUEST', '', 'not an object'],
  ])('%s at %s', (code, field, request) => {
    expect(refusal(() => calculate(request))).toEqual({ code, field });
  });

  it('a month outside 1–12 is not a number it can use', () => {
    expect(refusal(() => calculate({ kind: 'vat-small-scale', period: m(2025, 13) }))).toMatchObject({
      code: 'INVALID_NUMBER',
      field: 'period.month',
    });
  });
  it('real estate of "0" is accepted in 2026 (nothing to refuse)', () => {
    expect(
      calculate({ kind: 'vat-small-scale', period: m(2026, 1), sales: { realEstate5pct: '0.00' } }),
    ).toMatchObject({ vat: '0.00' });
  });
  it('whole numbers of a period may come as digit strings (query strings)', () => {
    expect(
      calculate({ kind: 'vat-small-scale', period: { type: 'month', year: '2026', month: '1' } }),
    ).toMatchObject({
      regime: '2026-2027',
    });
  });
});
