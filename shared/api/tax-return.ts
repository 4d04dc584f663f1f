import { z } from 'zod';
import { calculateCitPrepay } from '../tax/cit';
import {
  CitPrepayResponse,
  Location,
  SurchargesResponse,
  VatGeneralResponse,
  VatSmallScaleResponse,
} from '../tax/contract';
import { formatMoney, moneyIssue, sum, TaxDecimal } from '../tax/money';
import { type InvoiceSummary } from '../tax/invoices';
import { type TaxPeriod } from '../tax/period';
import { Relief } from '../tax/reliefs';
import { calculateSurcharges } from '../tax/surcharges';
import { taxError } from '../tax/tax-error';
import { calculateVatGeneral } from '../tax/vat-general';
import { calculateVatSmallScale } from '../tax/vat-small-scale';
import { type LocalizedText, text } from '../text';

/*
 * A return as the filer types it and as the engine computes it. The same function runs in the
 * browser (live preview as the user types) and on the platform (the figures it stores and signs),
 * so the two can never disagree about a figure.
 */

export const ReturnForm = z.enum(['vat-small-scale', 'vat-general', 'cit-prepay']);
export type ReturnForm = z.infer<typeof ReturnForm>;

export const FORM_NAMES: Record<ReturnForm, LocalizedText> = {
  'vat-small-scale': text(
    '增值税及附加税费申报表（小规模纳税人适用）',
    'VAT and surcharges return (small-scale taxpayers)',
  ),
  'vat-general': text(
    '增值税及附加税费申报表（一般纳税人适用）',
    'VAT and surcharges return (general taxpayers)',
  ),
  'cit-prepay': text(
    '企业所得税月（季）度预缴纳税申报表（A类）',
    'Corporate income tax quarterly prepayment return (Form A)',
  ),
};

/** A figure as typed; blank means zero. The engine checks it (INVALID_NUMBER, NEGATIVE_AMOUNT…). */
const Figure = z.string().max(40);

export const SmallScaleReturnInput = z.strictObject({
  form: z.literal('vat-small-scale'),
  sales: z.strictObject({
    general1pct: Figure.optional(),
    special1pct: Figure.optional(),
    special3pct: Figure.optional(),
    grossInclusive1pct: Figure.optional(),
    realEstate5pct: Figure.optional(),
  }),
  deduction: Figure.optional(),
});
export type SmallScaleReturnInput = z.infer<typeof SmallScaleReturnInput>;

export const GeneralReturnInput = z.strictObject({
  form: z.literal('vat-general'),
  /** Keyed by rate ("13", "9", "6", "0"); the engine refuses any other rate (INVALID_RATE). */
  salesByRate: z.record(z.string(), Figure),
  inclusiveSalesByRate: z.record(z.string(), Figure),
  inputTax: Figure.optional(),
  carriedForwardCredit: Figure.optional(),
  /** 六税两费 half for a general taxpayer that is a small low-profit enterprise. */
  sixTaxesHalf: z.boolean(),
});
export type GeneralReturnInput = z.infer<typeof GeneralReturnInput>;

export const CitPrepayReturnInput = z.strictObject({
  form: z.literal('cit-prepay'),
  cumulativeProfit: Figure,
  /** Prepaid this year before the company filed on the platform; platform payments are added. */
  prepaidBeforePlatform: Figure.optional(),
  headcountByQuarter: z.array(z.tuple([Figure, Figure])).max(4),
  assetsByQuarter: z.array(z.tuple([Figure, Figure])).max(4),
  restrictedIndustry: z.boolean(),
});
export type CitPrepayReturnInput = z.infer<typeof CitPrepayReturnInput>;

export const ReturnInput = z.discriminatedUnion('form', [
  SmallScaleReturnInput,
  GeneralReturnInput,
  CitPrepayReturnInput,
]);
export type ReturnInput = z.infer<typeof ReturnInput>;

/** What the platform knows and the filer does not type. */
export const ReturnFacts = z.object({
  location: Location,
  /** CIT prepaid on accepted returns of earlier quarters of the same year, on this platform. */
  prepaidOnPlatform: z.string().regex(/^\d+\.\d{2}$/),
});
export type ReturnFacts = z.infer<typeof ReturnFacts>;

export const ReturnLine = z.object({
  code: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  value: z.string(),
  unit: z.enum(['yuan', 'persons']),
});
export type ReturnLine = z.infer<typeof ReturnLine>;

export const ReturnComputation = z.object({
  form: ReturnForm,
  vat: z.union([VatSmallScaleResponse, VatGeneralResponse]).nullable(),
  surcharges: SurchargesResponse.nullable(),
  cit: CitPrepayResponse.nullable(),
  /** Ex-VAT sales of the period (VAT forms; 0.00 for CIT). */
  salesTotal: z.string(),
  /** The declared figures in the order of the form. */
  lines: z.array(ReturnLine),
  totalPayable: z.string().regex(/^\d+\.\d{2}$/),
  reliefs: z.array(Relief),
});
export type ReturnComputation = z.infer<typeof ReturnComputation>;

const blank = (v: string | undefined): string | undefined =>
  v === undefined || v.trim() === '' ? undefined : v.trim();
const blanks = (r: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(r).flatMap(([k, v]) => {
      const b = blank(v);
      return b === undefined ? [] : [[k, b]];
    }),
  );
const D = (s: string): TaxDecimal => new TaxDecimal(s);
const yuan = (code: string, zh: string, en: string, value: string): ReturnLine => ({
  code,
  label: text(zh, en),
  value,
  unit: 'yuan',
});

const surchargeLines = (s: SurchargesResponse): ReturnLine[] => [
  yuan(
    'city-tax',
    '城市维护建设税',
    'City maintenance and construction tax',
    net(s.cityTax, s.cityTaxReduction),
  ),
  yuan('edu', '教育费附加', 'Education surcharge', net(s.eduSurcharge, s.eduSurchargeReduction)),
  yuan(
    'local-edu',
    '地方教育附加',
    'Local education surcharge',
    net(s.localEduSurcharge, s.localEduSurchargeReduction),
  ),
];
const net = (amount: string, reduction: string): string => formatMoney(D(amount).minus(reduction));

const vatSmallScale = (period: TaxPeriod, input: SmallScaleReturnInput, facts: ReturnFacts) => {
  const deduction = blank(input.deduction);
  const vat = calculateVatSmallScale({
    period,
    sales: blanks(input.sales),
    ...(deduction === undefined ? {} : { deduction }),
  });
  const surcharges = calculateSurcharges({
    vatPaid: vat.vat,
    location: facts.location,
    periodType: period.type,
    periodSales: vat.totalSales,
    sixTaxesHalf: true,
  });
  const lines = [
    yuan('sales-total', '应税销售额合计（不含税）', 'Total sales (ex-VAT)', vat.totalSales),
    yuan('sales-exempt', '其中：免税销售额', 'of which exempt', vat.exemptSales),
    yuan('vat', '本期应纳增值税额', 'VAT payable', vat.vat),
    ...surchargeLines(surcharges),
  ];
  return {
    vat,
    surcharges,
    cit: null,
    salesTotal: vat.totalSales,
    lines,
    total: D(vat.vat).plus(surcharges.total),
  };
};

const vatGeneral = (period: TaxPeriod, input: GeneralReturnInput, facts: ReturnFacts) => {
  const inputTax = blank(input.inputTax);
  const credit = blank(input.carriedForwardCredit);
  const vat = calculateVatGeneral({
    period,
    salesByRate: blanks(input.salesByRate),
    inclusiveSalesByRate: blanks(input.inclusiveSalesByRate),
    ...(inputTax === undefined ? {} : { inputTax }),
    ...(credit === undefined ? {} : { carriedForwardCredit: credit }),
  });
  const salesTotal = formatMoney(sum(vat.lines.map((l) => D(l.base))));
  const surcharges = calculateSurcharges({
    vatPaid: vat.vatPayable,
    location: facts.location,
    periodType: period.type,
    periodSales: salesTotal,
    sixTaxesHalf: input.sixTaxesHalf,
  });
  const lines = [
    yuan('sales-total', '应税销售额合计（不含税）', 'Total sales (ex-VAT)', salesTotal),
    yuan('output-tax', '销项税额', 'Output tax', vat.outputTax),
    yuan('input-tax', '进项税额', 'Input tax', formatMoney(D(inputTax ?? '0'))),
    yuan('vat', '本期应纳增值税额', 'VAT payable', vat.vatPayable),
    yuan('credit-carried-forward', '期末留抵税额', 'Credit carried forward', vat.creditCarriedForward),
    ...surchargeLines(surcharges),
  ];
  return { vat, surcharges, cit: null, salesTotal, lines, total: D(vat.vatPayable).plus(surcharges.total) };
};

const citPrepay = (period: TaxPeriod, input: CitPrepayReturnInput, facts: ReturnFacts) => {
  if (period.type !== 'quarter') throw taxError('INVALID_PERIOD_TYPE', 'period.type');
  const before = blank(input.prepaidBeforePlatform) ?? '0';
  const issue = moneyIssue(before);
  if (issue) throw taxError(issue, 'prepaidBeforePlatform');
  const prepaid = formatMoney(D(before).plus(facts.prepaidOnPlatform));
  const trimPairs = (pairs: [string, string][]): [string, string][] =>
    pairs.map(([a, b]) => [a.trim(), b.trim()]);
  const cit = calculateCitPrepay({
    taxYear: period.year,
    quarter: period.quarter,
    cumulativeProfit: input.cumulativeProfit.trim(),
    prepaidThisYear: prepaid,
    headcountByQuarter: trimPairs(input.headcountByQuarter),
    assetsByQuarter: trimPairs(input.assetsByQuarter),
    restrictedIndustry: input.restrictedIndustry,
  });
  const lines: ReturnLine[] = [
    yuan(
      'cumulative-profit',
      '利润总额（本年累计）',
      'Profit (year to date)',
      formatMoney(D(input.cumulativeProfit.trim())),
    ),
    {
      code: 'avg-headcount',
      label: text('从业人数（季度平均值）', 'Average headcount'),
      value: cit.avgHeadcount,
      unit: 'persons',
    },
    yuan('avg-assets', '资产总额（季度平均值）', 'Average total assets', cit.avgTotalAssets),
    yuan('cumulative-tax', '应纳所得税额（本年累计）', 'Income tax (year to date)', cit.cumulativeTax),
    yuan('prepaid', '已预缴所得税额', 'Already prepaid this year', prepaid),
    yuan('cit-payable', '本期应补（退）所得税额', 'Payable this period', cit.payableThisPeriod),
  ];
  return { vat: null, surcharges: null, cit, salesTotal: '0.00', lines, total: D(cit.payableThisPeriod) };
};

/**
 * The return's figures from the filer's input and the platform's facts. Throws the engine's
 * DomainError (422, with the dotted field) for a figure that cannot be filed.
 */
export const computeReturn = (
  period: TaxPeriod,
  input: ReturnInput,
  facts: ReturnFacts,
): ReturnComputation => {
  const r =
    input.form === 'vat-small-scale'
      ? vatSmallScale(period, input, facts)
      : input.form === 'vat-general'
        ? vatGeneral(period, input, facts)
        : citPrepay(period, input, facts);
  return {
    form: input.form,
    vat: r.vat,
    surcharges: r.surcharges,
    cit: r.cit,
    salesTotal: r.salesTotal,
    lines: r.lines,
    totalPayable: formatMoney(r.total),
    reliefs: [...(r.vat?.reliefs ?? []), ...(r.surcharges?.reliefs ?? []), ...(r.cit?.reliefs ?? [])],
  };
};

/** The figures of a nil return (零申报): no sales, no input tax, nothing payable. */
export const zeroReturnInput = (form: 'vat-small-scale' | 'vat-general'): ReturnInput =>
  form === 'vat-small-scale'
    ? { form, sales: {} }
    : { form, salesByRate: {}, inclusiveSalesByRate: {}, sixTaxesHalf: false };

export const isZeroComputation = (c: ReturnComputation): boolean =>
  c.form !== 'cit-prepay' && D(c.salesTotal).isZero() && D(c.totalPayable).isZero();

/** The return's figures from the invoice totals: a pre-fill the filer reviews (CIT has none). */
export const inputFromInvoices = (form: ReturnForm, s: InvoiceSummary): ReturnInput | null => {
  if (form === 'vat-small-scale') return { form, sales: { ...s.smallScale.sales } };
  if (form === 'vat-general')
    return {
      form,
      salesByRate: { ...s.general.salesByRate },
      inclusiveSalesByRate: {},
      inputTax: s.general.inputTax,
      sixTaxesHalf: false,
    };
  return null;
};
