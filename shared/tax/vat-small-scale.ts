import { text } from '../text';
import { type TaxLine, type VatSmallScaleRequest, type VatSmallScaleResponse } from './contract';
import {
  formatMoney,
  parseOptionalMoney,
  percent,
  round2,
  sum,
  type TaxDecimal,
  TaxDecimal as D,
  ZERO,
} from './money';
import { regimeForPeriod } from './period';
import { type Relief, reliefs } from './reliefs';
import { taxError } from './tax-error';

export type VatSmallScaleInput = Omit<VatSmallScaleRequest, 'kind'>;

/** 10万 a month, 30万 a quarter: the exemption limit (2023–2025) and the 起征点 (2026–2027). */
export const SMALL_SCALE_LIMIT = { month: new D(100_000), quarter: new D(300_000) } as const;

const line = (rate: string, base: TaxDecimal): { line: TaxLine; tax: TaxDecimal } => {
  const tax = round2(base.times(percent(rate)));
  return { line: { rate, base: formatMoney(base), tax: formatMoney(tax) }, tax };
};

/**
 * 小规模纳税人增值税 for one month or quarter (tax.md §1).
 *
 * The 差额 deduction is taken from ordinary 1% sales first, then 1% special-invoice sales, then
 * 3% special-invoice sales: the exempt part shrinks before the part that is taxed regardless, so
 * the engine never understates tax when it cannot know which sales the deduction belongs to.
 */
export const calculateVatSmallScale = (input: VatSmallScaleInput): VatSmallScaleResponse => {
  const regime = regimeForPeriod(input.period);
  const s = input.sales ?? {};
  const general = parseOptionalMoney(s.general1pct, 'sales.general1pct');
  const special1 = parseOptionalMoney(s.special1pct, 'sales.special1pct');
  const special3 = parseOptionalMoney(s.special3pct, 'sales.special3pct');
  const realEstate = parseOptionalMoney(s.realEstate5pct, 'sales.realEstate5pct');
  const grossInclusive = parseOptionalMoney(s.grossInclusive1pct, 'sales.grossInclusive1pct');
  const deduction = parseOptionalMoney(input.deduction, 'deduction');

  if (regime === '2026-2027' && !realEstate.isZero()) {
    throw taxError(
      'UNSUPPORTED_ITEM',
      'sales.realEstate5pct',
      text(
        '2026 年起小规模纳税人销售不动产的计税规则尚未确认，暂不支持计算',
        'The rule for real-estate sales by small-scale taxpayers from 2026 is not confirmed, so it is not computed yet',
      ),
    );
  }

  // 销售额 = 含税销售额 ÷ (1 + 1%), rounded on its own line.
  const general1 = general.plus(round2(grossInclusive.dividedBy('1.01')));
  const goodsAndServices = sum([general1, special1, special3]);
  if (deduction.greaterThan(goodsAndServices)) throw taxError('DEDUCTION_EXCEEDS_SALES', 'deduction');

  let remaining = deduction;
  const net = (amount: TaxDecimal): TaxDecimal => {
    const taken = D.min(amount, remaining);
    remaining = remaining.minus(taken);
    return amount.minus(taken);
  };
  const netGeneral = net(general1);
  const netSpecial1 = net(special1);
  const netSpecial3 = net(special3);

  // Real-estate sales stay out of the test (2023–2025; refused above for 2026+).
  const thresholdTestSales = sum([netGeneral, netSpecial1, netSpecial3]);
  const limit = SMALL_SCALE_LIMIT[input.period.type];
  // 2023–2025: "以下（含本数）" is exempt; 2026–2027: reaching the 起征点 taxes the whole amount.
  const exempt =
    regime === '2023-2025' ? thresholdTestSales.lessThanOrEqualTo(limit) : thresholdTestSales.lessThan(limit);

  const base1 = exempt ? netSpecial1 : netGeneral.plus(netSpecial1);
  const bases: [string, TaxDecimal][] = [
    ['1', base1],
    ['3', netSpecial3],
    ['5', realEstate],
  ];
  const computed = bases.filter(([, base]) => !base.isZero()).map(([rate, base]) => line(rate, base));
  const vat = sum(computed.map((c) => c.tax));
  const totalSales = thresholdTestSales.plus(realEstate);
  const taxedSales = sum([base1, netSpecial3, realEstate]);

  const notes: Relief[] = [];
  const type = input.period.type;
  if (exempt && netGeneral.greaterThan(ZERO)) {
    notes.push(regime === '2023-2025' ? reliefs.smallScaleExempt(type) : reliefs.belowThreshold(type));
  }
  if (!exempt && regime === '2026-2027') notes.push(reliefs.thresholdReached(type));
  if (exempt && netSpecial1.plus(netSpecial3).greaterThan(ZERO)) notes.push(reliefs.specialInvoiceTaxed());
  if (base1.greaterThan(ZERO)) notes.push(reliefs.reducedRate());
  if (realEstate.greaterThan(ZERO)) notes.push(reliefs.realEstate());
  if (deduction.greaterThan(ZERO)) notes.push(reliefs.differenceTaxation());

  return {
    kind: 'vat-small-scale',
    regime,
    thresholdTestSales: formatMoney(thresholdTestSales),
    totalSales: formatMoney(totalSales),
    exemptSales: formatMoney(totalSales.minus(taxedSales)),
    vat: formatMoney(vat),
    lines: computed.map((c) => c.line),
    reliefs: notes,
  };
};
