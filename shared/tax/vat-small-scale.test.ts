import { describe, expect, it } from 'vitest';
import { type TaxPeriod } from './period';
import { refusal } from './test-helpers';
import { calculateVatSmallScale } from './vat-small-scale';
import { type SmallScaleSales } from './contract';

const month = (year: number, m: number): TaxPeriod => ({ type: 'month', year, month: m });
const quarter = (year: number, q: number): TaxPeriod => ({ type: 'quarter', year, quarter: q });
const vat = (period: TaxPeriod, sales: SmallScaleSales, deduction?: string) =>
  calculateVatSmallScale({ period, sales, deduction });

describe('exemption limit 2023–2025 is inclusive; 2026–2027 threshold taxes the whole amount once reached', () => {
  it('exactly 100,000.00 in a month: exempt in 2025, 1,000.00 in 2026', () => {
    expect(vat(month(2025, 12), { general1pct: '100000.00' })).toMatchObject({
      regime: '2023-2025',
      vat: '0.00',
    });
    expect(vat(month(2026, 1), { general1pct: '100000.00' })).toMatchObject({
      regime: '2026-2027',
      vat: '1000.00',
    });
  });
  it('99,999.99 in a 2026 month is exempt; 100,000.01 in a 2025 month is taxed in full', () => {
    expect(vat(month(2026, 1), { general1pct: '99999.99' })).toMatchObject({
      vat: '0.00',
      exemptSales: '99999.99',
    });
    expect(vat(month(2025, 1), { general1pct: '100000.01' })).toMatchObject({
      vat: '1000.00',
      exemptSales: '0.00',
    });
  });
  it('exactly 300,000.00 in a quarter: exempt in 2025 Q4, 3,000.00 in 2026 Q1', () => {
    expect(vat(quarter(2025, 4), { general1pct: '300000.00' })).toMatchObject({ vat: '0.00' });
    expect(vat(quarter(2026, 1), { general1pct: '300000.00' })).toMatchObject({ vat: '3000.00' });
    expect(vat(quarter(2025, 4), { general1pct: '300000.01' })).toMatchObject({ vat: '3000.00' });
  });
  it('a quarterly filer tests the quarter: 250,000 (one month alone above 100,000) is exempt', () => {
    expect(vat(quarter(2024, 2), { general1pct: '250000' })).toMatchObject({
      vat: '0.00',
      exemptSales: '250000.00',
    });
  });
});

describe('special invoices, real estate, tax-inclusive receipts, 差额', () => {
  it('within the limit, special-invoice sales are taxed and the rest stays exempt', () => {
    const r = vat(month(2025, 3), { general1pct: '60000', special1pct: '20000', special3pct: '10000' });
    expect(r).toMatchObject({ thresholdTestSales: '90000.00', exemptSales: '60000.00', vat: '500.00' });
    expect(r.lines).toEqual([
      { rate: '1', base: '20000.00', tax: '200.00' },
      { rate: '3', base: '10000.00', tax: '300.00' },
    ]);
  });
  it('above the limit everything is taxed at its rate', () => {
    const r = vat(month(2025, 3), { general1pct: '80000', special1pct: '20000', special3pct: '10000' });
    expect(r).toMatchObject({ exemptSales: '0.00', vat: '1300.00' });
  });
  it('special-invoice sales count in the threshold test', () => {
    expect(vat(month(2026, 3), { general1pct: '50000', special1pct: '50000' })).toMatchObject({
      vat: '1000.00',
    });
  });
  it('2023–2025: real estate stays out of the test and is taxed at 5%; goods stay exempt', () => {
    const r = vat(quarter(2024, 1), { general1pct: '280000', realEstate5pct: '1000000' });
    expect(r).toMatchObject({
      thresholdTestSales: '280000.00',
      totalSales: '1280000.00',
      exemptSales: '280000.00',
      vat: '50000.00',
    });
  });
  it('2023–2025: goods above the limit are taxed alongside the real estate', () => {
    expect(vat(quarter(2024, 1), { general1pct: '300000.01', realEstate5pct: '100' })).toMatchObject({
      vat: '3005.00',
    });
  });
  it('tax-inclusive receipts are divided by 1.01 and rounded on their own line', () => {
    // 101,000 ÷ 1.01 = 100,000.00 → exempt in 2025 (inclusive), taxed in 2026.
    expect(vat(month(2025, 5), { grossInclusive1pct: '101000' })).toMatchObject({
      thresholdTestSales: '100000.00',
      vat: '0.00',
    });
    expect(vat(month(2026, 5), { grossInclusive1pct: '101000' })).toMatchObject({ vat: '1000.00' });
    // 150,000 ÷ 1.01 = 148,514.8514… → 148,514.85; tax 1,485.1485 → 1,485.15.
    expect(vat(month(2026, 5), { grossInclusive1pct: '150000' })).toMatchObject({
      thresholdTestSales: '148514.85',
      vat: '1485.15',
    });
  });
  it('the deduction is tested net and may bring sales under the limit', () => {
    expect(vat(month(2026, 2), { general1pct: '150000' }, '50000.01')).toMatchObject({
      thresholdTestSales: '99999.99',
      vat: '0.00',
    });
    expect(vat(month(2026, 2), { general1pct: '150000' }, '50000')).toMatchObject({ vat: '1000.00' });
  });
  it('the deduction reduces ordinary sales before special-invoice sales', () => {
    const r = vat(month(2025, 2), { general1pct: '30000', special3pct: '100000' }, '40000');
    expect(r).toMatchObject({ thresholdTestSales: '90000.00', exemptSales: '0.00', vat: '2700.00' });
  });
  it('a deduction equal to the sales is allowed; above them it is refused', () => {
    expect(vat(month(2025, 2), { general1pct: '100' }, '100')).toMatchObject({
      totalSales: '0.00',
      vat: '0.00',
    });
    expect(
      refusal(() => vat(month(2025, 2), { general1pct: '100', realEstate5pct: '500' }, '101')),
    ).toMatchObject({
      code: 'DEDUCTION_EXCEEDS_SALES',
      field: 'deduction',
    });
  });
  it('the 5% real-estate levy is refused from 2026', () => {
    expect(refusal(() => vat(month(2026, 7), { realEstate5pct: '10' }))).toMatchObject({
      code: 'UNSUPPORTED_ITEM',
      field: 'sales.realEstate5pct',
    });
  });
});

describe('relief notes', () => {
  const codes = (r: { reliefs: { code: string }[] }) => r.reliefs.map((x) => x.code);
  it('explains the exemption of each regime', () => {
    const r2025 = vat(quarter(2025, 1), { general1pct: '1' });
    expect(codes(r2025)).toEqual(['SMALL_SCALE_EXEMPT']);
    expect(r2025.reliefs[0]?.text.zh).toBe('季度销售额未超过30万元（含本数），免征增值税');
    expect(codes(vat(month(2026, 1), { general1pct: '1' }))).toEqual(['BELOW_THRESHOLD']);
    expect(codes(vat(month(2026, 1), { general1pct: '100000' }))).toEqual([
      'THRESHOLD_REACHED',
      'REDUCED_RATE_1PCT',
    ]);
  });
  it('notes special invoices, real estate and 差额', () => {
    expect(
      codes(vat(month(2025, 1), { general1pct: '10', special1pct: '5', realEstate5pct: '1' }, '1')),
    ).toEqual([
      'SMALL_SCALE_EXEMPT',
      'SPECIAL_INVOICE_TAXED',
      'REDUCED_RATE_1PCT',
      'REAL_ESTATE_5PCT',
      'DIFFERENCE_TAXATION',
    ]);
  });
});
