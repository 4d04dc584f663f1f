import { describe, expect, it } from 'vitest';
import { refusal } from './test-helpers';
import { calculateVatGeneral } from './vat-general';

describe('general-taxpayer VAT', () => {
  it('sums output tax per rate, exclusive and inclusive, rounding each line', () => {
    const r = calculateVatGeneral({
      salesByRate: { '13': '1000.05', '9': '200', '0': '5000' },
      inclusiveSalesByRate: { '13': '113', '6': '100' },
    });
    // 13%: (1000.05 + 100.00) × 0.13 = 143.0065 → 143.01; 9%: 18.00; 6%: 100 ÷ 1.06 = 94.34 → 5.6604 → 5.66; 0%: 0.
    expect(r.lines).toEqual([
      { rate: '13', base: '1100.05', tax: '143.01' },
      { rate: '9', base: '200.00', tax: '18.00' },
      { rate: '6', base: '94.34', tax: '5.66' },
      { rate: '0', base: '5000.00', tax: '0.00' },
    ]);
    expect(r.outputTax).toBe('166.67');
    expect(r.vatPayable).toBe('166.67');
  });
  it('subtracts input tax and the opening credit; a negative balance is carried forward', () => {
    expect(
      calculateVatGeneral({ salesByRate: { '13': '10000' }, inputTax: '1000', carriedForwardCredit: '200' }),
    ).toMatchObject({
      outputTax: '1300.00',
      vatPayable: '100.00',
      creditCarriedForward: '0.00',
    });
    const r = calculateVatGeneral({
      salesByRate: { '13': '10000' },
      inputTax: '1500',
      carriedForwardCredit: '0.01',
    });
    expect(r).toMatchObject({ vatPayable: '0.00', creditCarriedForward: '200.01' });
    expect(r.reliefs.map((x) => x.code)).toEqual(['CREDIT_CARRIED_FORWARD']);
  });
  it('refuses any other rate and checks an optional period', () => {
    expect(refusal(() => calculateVatGeneral({ salesByRate: { '3': '1' } }))).toMatchObject({
      code: 'INVALID_RATE',
      field: 'salesByRate.3',
    });
    expect(
      refusal(() => calculateVatGeneral({ period: { type: 'month', year: 2030, month: 1 } })),
    ).toMatchObject({
      code: 'UNSUPPORTED_PERIOD',
    });
  });
});
