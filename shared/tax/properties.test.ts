import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from './calculate';
import { calculateCitAnnual } from './cit';
import { TaxDecimal } from './money';
import { type TaxPeriod } from './period';
import { calculateSurcharges } from './surcharges';
import { calculateVatSmallScale } from './vat-small-scale';

/** Amounts in fen up to 10 million yuan, as the two-decimal strings the contract takes. */
const fen = (max = 1_000_000_000) => fc.integer({ min: 0, max }).map((n) => (n / 100).toFixed(2));
const TWO_DECIMALS = /^\d+\.\d{2}$/;

const period = fc.oneof(
  fc.record({
    type: fc.constant('month' as const),
    year: fc.integer({ min: 2023, max: 2027 }),
    month: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    type: fc.constant('quarter' as const),
    year: fc.integer({ min: 2023, max: 2027 }),
    quarter: fc.integer({ min: 1, max: 4 }),
  }),
);
const sales = fc.record({
  general1pct: fen(),
  special1pct: fen(),
  special3pct: fen(),
  grossInclusive1pct: fen(),
});

const d = (s: string) => new TaxDecimal(s);

describe('small-scale VAT properties', () => {
  it('every amount is a non-negative two-decimal string (no float artefacts)', () => {
    fc.assert(
      fc.property(period, sales, (p: TaxPeriod, s) => {
        const r = calculate({ kind: 'vat-small-scale', period: p, sales: s });
        if (r.kind !== 'vat-small-scale') throw new Error(`unexpected answer ${r.kind}`);
        for (const v of [r.thresholdTestSales, r.totalSales, r.exemptSales, r.vat])
          expect(v).toMatch(TWO_DECIMALS);
        for (const l of r.lines)
          expect([l.base, l.tax]).toEqual([
            expect.stringMatching(TWO_DECIMALS),
            expect.stringMatching(TWO_DECIMALS),
          ]);
      }),
    );
  });
  it('never negative, never more than 3% of the sales, and the parts add up', () => {
    fc.assert(
      fc.property(period, sales, (p: TaxPeriod, s) => {
        const r = calculateVatSmallScale({ period: p, sales: s });
        expect(d(r.vat).isNegative()).toBe(false);
        expect(d(r.vat).lessThanOrEqualTo(d(r.totalSales).times('0.03').plus('0.02'))).toBe(true);
        expect(d(r.exemptSales).lessThanOrEqualTo(d(r.totalSales))).toBe(true);
        expect(r.lines.reduce((a, l) => a.plus(l.tax), d('0')).equals(d(r.vat))).toBe(true);
      }),
    );
  });
  it('monotone: more sales of any kind never lowers the tax (the threshold jump goes up)', () => {
    const kind = fc.constantFrom('general1pct', 'special1pct', 'special3pct', 'grossInclusive1pct' as const);
    fc.assert(
      fc.property(period, sales, kind, fen(50_000_000), (p: TaxPeriod, s, k, extra) => {
        const more = { ...s, [k]: d(s[k]).plus(extra).toFixed(2) };
        const a = calculateVatSmallScale({ period: p, sales: s });
        const b = calculateVatSmallScale({ period: p, sales: more });
        expect(d(b.vat).greaterThanOrEqualTo(d(a.vat))).toBe(true);
      }),
    );
  });
  it('threshold edges: at the limit exempt in 2023–2025 and taxed in 2026–2027; one fen below always exempt', () => {
    fc.assert(
      fc.property(period, (p: TaxPeriod) => {
        const limit = p.type === 'month' ? '100000.00' : '300000.00';
        const below = p.type === 'month' ? '99999.99' : '299999.99';
        const above = p.type === 'month' ? '100000.01' : '300000.01';
        const at = calculateVatSmallScale({ period: p, sales: { general1pct: limit } }).vat;
        expect(at).toBe(p.year <= 2025 ? '0.00' : d(limit).times('0.01').toFixed(2));
        expect(calculateVatSmallScale({ period: p, sales: { general1pct: below } }).vat).toBe('0.00');
        expect(calculateVatSmallScale({ period: p, sales: { general1pct: above } }).vat).toBe(
          d(above).times('0.01').toFixed(2),
        );
      }),
    );
  });
  it('more deduction never raises the tax', () => {
    fc.assert(
      fc.property(period, sales, fen(), fen(), (p: TaxPeriod, s, x, y) => {
        const total = d(s.general1pct).plus(s.special1pct).plus(s.special3pct);
        const [lo, hi] = [x, y]
          .map((v) => TaxDecimal.min(d(v), total).toFixed(2))
          .sort((a, b) => d(a).comparedTo(b));
        const a = calculateVatSmallScale({
          period: p,
          sales: { ...s, grossInclusive1pct: '0' },
          deduction: lo,
        });
        const b = calculateVatSmallScale({
          period: p,
          sales: { ...s, grossInclusive1pct: '0' },
          deduction: hi,
        });
        expect(d(b.vat).lessThanOrEqualTo(d(a.vat))).toBe(true);
      }),
    );
  });
});

describe('surcharge and CIT properties', () => {
  it('surcharges: non-negative, two decimals, each reduction is half its line, rounded, and only with the relief', () => {
    fc.assert(
      fc.property(
        fen(),
        fen(),
        fc.constantFrom('urban', 'county_town', 'other' as const),
        fc.constantFrom('month', 'quarter' as const),
        fc.boolean(),
        (vatPaid, periodSales, location, periodType, sixTaxesHalf) => {
          const r = calculateSurcharges({ vatPaid, periodSales, location, periodType, sixTaxesHalf });
          const { kind: _kind, eduExempt: _exempt, reliefs: _notes, ...amounts } = r;
          for (const [k, v] of Object.entries(amounts)) expect(v, k).toMatch(TWO_DECIMALS);
          for (const [amount, reduction] of [
            [r.cityTax, r.cityTaxReduction],
            [r.eduSurcharge, r.eduSurchargeReduction],
            [r.localEduSurcharge, r.localEduSurchargeReduction],
          ] as const) {
            if (sixTaxesHalf)
              expect(d(reduction).times(2).minus(d(amount)).abs().lessThanOrEqualTo('0.01')).toBe(true);
            else expect(reduction).toBe('0.00');
          }
        },
      ),
    );
  });
  it('CIT: tax is never negative and is 5% or 25% of the income, rounded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 600 }),
        fen(),
        (income, headcount, assets) => {
          const taxableIncome = (income / 100).toFixed(2);
          const r = calculateCitAnnual({
            taxYear: 2026,
            taxableIncome,
            avgHeadcount: headcount,
            avgTotalAssets: assets,
          });
          expect(r.tax).toMatch(TWO_DECIMALS);
          if (r.smallLowProfit === null) expect(r.tax).toBe('0.00');
          else
            expect(r.tax).toBe(
              d(taxableIncome)
                .times(r.smallLowProfit ? '0.05' : '0.25')
                .toDecimalPlaces(2, TaxDecimal.ROUND_HALF_UP)
                .toFixed(2),
            );
        },
      ),
    );
  });
  it('CIT: more income never lowers the tax (even across the all-or-nothing limit)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (a, b) => {
          const tax = (fenIncome: number) =>
            d(
              calculateCitAnnual({
                taxYear: 2025,
                taxableIncome: (fenIncome / 100).toFixed(2),
                avgHeadcount: 1,
                avgTotalAssets: '1',
              }).tax,
            );
          expect(tax(Math.max(a, b)).greaterThanOrEqualTo(tax(Math.min(a, b)))).toBe(true);
        },
      ),
    );
  });
});
