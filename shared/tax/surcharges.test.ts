import { describe, expect, it } from 'vitest';
import { calculateSurcharges } from './surcharges';
import { refusal } from './test-helpers';

const base = { vatPaid: '1000', location: 'urban', periodType: 'month', periodSales: '100000.01' } as const;

describe('surcharges on VAT paid', () => {
  it('city tax 7/5/1% and both education surcharges in full above the sales limit', () => {
    expect(calculateSurcharges(base)).toMatchObject({
      cityTax: '70.00',
      eduSurcharge: '30.00',
      localEduSurcharge: '20.00',
      total: '120.00',
      eduExempt: false,
    });
    expect(calculateSurcharges({ ...base, location: 'county_town' }).cityTax).toBe('50.00');
    expect(calculateSurcharges({ ...base, location: 'other' }).cityTax).toBe('10.00');
  });
  it('sales ≤ 100,000 a month / ≤ 300,000 a quarter (inclusive) pay no education surcharges', () => {
    const month = calculateSurcharges({ ...base, periodSales: '100000.00' });
    expect(month).toMatchObject({
      eduSurcharge: '0.00',
      localEduSurcharge: '0.00',
      total: '70.00',
      eduExempt: true,
    });
    expect(month.reliefs.map((r) => r.code)).toEqual(['EDU_SURCHARGES_EXEMPT']);
    expect(calculateSurcharges({ ...base, periodType: 'quarter', periodSales: '300000.00' }).eduExempt).toBe(
      true,
    );
    expect(calculateSurcharges({ ...base, periodType: 'quarter', periodSales: '300000.01' }).eduExempt).toBe(
      false,
    );
  });
  it('六税两费 half: reduction = round(round(base × rate) × 50%) per line', () => {
    // 333.33 × 7% = 23.3331 → 23.33, half 11.665 → 11.67; 3% = 9.9999 → 10.00, half 5.00; 2% = 6.6666 → 6.67, half 3.335 → 3.34.
    const r = calculateSurcharges({ ...base, vatPaid: '333.33', sixTaxesHalf: true });
    expect(r).toMatchObject({
      cityTax: '23.33',
      cityTaxReduction: '11.67',
      eduSurcharge: '10.00',
      eduSurchargeReduction: '5.00',
      localEduSurcharge: '6.67',
      localEduSurchargeReduction: '3.34',
      total: '19.99',
    });
    expect(r.reliefs.map((x) => x.code)).toEqual(['SIX_TAXES_TWO_FEES_HALF']);
  });
  it('refuses an unknown location or period type', () => {
    // Typed callers cannot pass these; untyped ones (JSON) can.
    const loose = calculateSurcharges as (input: unknown) => unknown;
    expect(refusal(() => loose({ ...base, location: 'rural' }))).toMatchObject({
      code: 'INVALID_LOCATION',
      field: 'location',
    });
    expect(refusal(() => loose({ ...base, periodType: 'year' }))).toMatchObject({
      code: 'INVALID_PERIOD_TYPE',
      field: 'periodType',
    });
  });
});
