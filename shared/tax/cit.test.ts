import { describe, expect, it } from 'vitest';
import { calculateCitAnnual, calculateCitPrepay } from './cit';
import { refusal } from './test-helpers';

const annual = (taxableIncome: string, extra: Partial<Parameters<typeof calculateCitAnnual>[0]> = {}) =>
  calculateCitAnnual({
    taxYear: 2025,
    taxableIncome,
    avgHeadcount: 100,
    avgTotalAssets: '10000000',
    ...extra,
  });

describe('CIT annual', () => {
  it('3,000,000.00 is inside the limit (5%); 3,000,000.01 taxes all income at 25%', () => {
    expect(annual('3000000.00')).toMatchObject({ smallLowProfit: true, tax: '150000.00' });
    expect(annual('3000000.01')).toMatchObject({ smallLowProfit: false, tax: '750000.00' });
  });
  it('headcount 300 and assets 50,000,000 are inside; one more is out', () => {
    expect(annual('1000', { avgHeadcount: 300, avgTotalAssets: '50000000.00' })).toMatchObject({
      smallLowProfit: true,
      tax: '50.00',
    });
    expect(annual('1000', { avgHeadcount: '300.01' })).toMatchObject({
      smallLowProfit: false,
      tax: '250.00',
    });
    expect(annual('1000', { avgTotalAssets: '50000000.01' })).toMatchObject({ smallLowProfit: false });
  });
  it('a restricted industry is never eligible', () => {
    const r = annual('1000', { restrictedIndustry: true });
    expect(r).toMatchObject({ smallLowProfit: false, tax: '250.00' });
    expect(r.reliefs[0]?.code).toBe('NOT_SMALL_LOW_PROFIT');
  });
  it('a loss year has no status and no tax; zero income is not a loss', () => {
    expect(annual('-120000.50')).toMatchObject({ smallLowProfit: null, tax: '0.00' });
    expect(annual('0')).toMatchObject({ smallLowProfit: true, tax: '0.00' });
  });
  it('rounds half up to the fen', () => {
    expect(annual('0.10').tax).toBe('0.01'); // 0.005 → 0.01
    expect(annual('3000000.02', { avgHeadcount: 1 }).tax).toBe('750000.01'); // 750000.005 → 750000.01
  });
  it('refuses years outside 2023–2027 and negative assets', () => {
    expect(refusal(() => annual('1', { taxYear: 2022 }))).toMatchObject({
      code: 'UNSUPPORTED_PERIOD',
      field: 'taxYear',
    });
    expect(refusal(() => annual('1', { avgTotalAssets: '-1' }))).toMatchObject({
      code: 'NEGATIVE_AMOUNT',
      field: 'avgTotalAssets',
    });
    expect(refusal(() => annual('1', { avgHeadcount: -3 }))).toMatchObject({
      code: 'NEGATIVE_AMOUNT',
      field: 'avgHeadcount',
    });
  });
});

describe('CIT quarterly prepayment', () => {
  it('averages quarters: (start + end) ÷ 2, then the mean of the quarters so far', () => {
    const r = calculateCitPrepay({
      taxYear: 2026,
      quarter: 3,
      cumulativeProfit: '900000',
      prepaidThisYear: '25000',
      headcountByQuarter: [
        [280, 320],
        [300, 310],
        [290, 305],
      ],
      assetsByQuarter: [
        ['40000000', '45000000'],
        ['45000000', '52000000'],
        ['52000000', '60000000'],
      ],
    });
    // headcount (300 + 305 + 297.5) / 3 = 300.8333… > 300 → not eligible.
    expect(r).toMatchObject({ smallLowProfit: false, avgHeadcount: '300.83', avgTotalAssets: '49000000.00' });
    expect(r).toMatchObject({ cumulativeTax: '225000.00', payableThisPeriod: '200000.00' });
  });
  it('judges eligibility on the exact average, not the rounded one', () => {
    const r = calculateCitPrepay({
      taxYear: 2026,
      quarter: 3,
      cumulativeProfit: '100',
      headcountByQuarter: [
        [300, 300],
        [300, 300],
        [300, 300.01],
      ],
      avgTotalAssets: '1',
    });
    expect(r).toMatchObject({ avgHeadcount: '300.00', smallLowProfit: false });
  });
  it('a company opened mid-year averages only the quarters it operated', () => {
    const r = calculateCitPrepay({
      taxYear: 2026,
      quarter: 4,
      cumulativeProfit: '400000',
      headcountByQuarter: [
        [10, 20],
        [20, 30],
      ],
      assetsByQuarter: [
        ['100', '300'],
        ['300', '500'],
      ],
    });
    expect(r).toMatchObject({
      smallLowProfit: true,
      avgHeadcount: '20.00',
      avgTotalAssets: '300.00',
      cumulativeTax: '20000.00',
    });
  });
  it('never negative: overpayment and a cumulative loss prepay 0', () => {
    const over = calculateCitPrepay({
      taxYear: 2026,
      quarter: 2,
      cumulativeProfit: '100000',
      prepaidThisYear: '9000',
      avgHeadcount: 5,
      avgTotalAssets: '1',
    });
    expect(over).toMatchObject({ cumulativeTax: '5000.00', payableThisPeriod: '0.00' });
    expect(over.reliefs.map((r) => r.code)).toContain('PREPAID_COVERS');
    const loss = calculateCitPrepay({
      taxYear: 2026,
      quarter: 2,
      cumulativeProfit: '-1',
      prepaidThisYear: '9000',
      avgHeadcount: 5,
      avgTotalAssets: '1',
    });
    expect(loss).toMatchObject({ smallLowProfit: null, cumulativeTax: '0.00', payableThisPeriod: '0.00' });
  });
  it('refuses more quarters than the period has, both sources at once, or neither', () => {
    const pairs: [number, number][] = [
      [1, 1],
      [1, 1],
    ];
    const input = { taxYear: 2026, quarter: 1, cumulativeProfit: '1', avgTotalAssets: '1' };
    expect(refusal(() => calculateCitPrepay({ ...input, headcountByQuarter: pairs }))).toMatchObject({
      code: 'INVALID_NUMBER',
      field: 'headcountByQuarter',
    });
    expect(
      refusal(() => calculateCitPrepay({ ...input, headcountByQuarter: [[1, 1]], avgHeadcount: 1 })),
    ).toMatchObject({
      code: 'INVALID_REQUEST',
      field: 'avgHeadcount',
    });
    expect(refusal(() => calculateCitPrepay(input))).toMatchObject({
      code: 'INVALID_NUMBER',
      field: 'avgHeadcount',
    });
    expect(refusal(() => calculateCitPrepay({ ...input, headcountByQuarter: [[1, '-2']] }))).toMatchObject({
      code: 'NEGATIVE_AMOUNT',
      field: 'headcountByQuarter.0.1',
    });
  });
});
