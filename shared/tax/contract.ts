import { z } from 'zod';
import { moneyIssue, quantityIssue } from './money';
import { PeriodType, Regime, TaxPeriod, TaxYear, wholeNumber } from './period';
import { Relief } from './reliefs';

/*
 * POST /api/v1/tax/calculate (tax.md §6). Each schema's error messages are the domain error
 * codes themselves, so calculate() can turn the first zod issue into the right refusal.
 */

/** An amount: a decimal string with at most two decimals, not negative. */
export const MoneyInput = z.string({ error: 'INVALID_NUMBER' }).superRefine((value, ctx) => {
  const issue = moneyIssue(value);
  if (issue) ctx.addIssue({ code: 'custom', message: issue });
});

/** A profit figure, which may be a loss. */
export const SignedMoneyInput = z.string({ error: 'INVALID_NUMBER' }).superRefine((value, ctx) => {
  const issue = moneyIssue(value, { allowNegative: true });
  if (issue) ctx.addIssue({ code: 'custom', message: issue });
});

/** A count such as headcount: a JSON number or a decimal string, at most two decimals. */
export const QuantityInput = z
  .union([z.string(), z.number()], { error: 'INVALID_NUMBER' })
  .superRefine((value, ctx) => {
    const issue = quantityIssue(value);
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  });

const Flag = z.boolean({ error: 'INVALID_REQUEST' });

export const GENERAL_RATES = ['13', '9', '6', '0'] as const;
export type GeneralRate = (typeof GENERAL_RATES)[number];
const RateKey = z
  .string()
  .refine((k) => (GENERAL_RATES as readonly string[]).includes(k), { error: 'INVALID_RATE' });
/** Sales per VAT rate, keyed by the percentage: {"13": "1000.00", "6": "530000.00"}. */
export const SalesByRate = z.record(RateKey, MoneyInput);
export type SalesByRate = z.infer<typeof SalesByRate>;

export const SmallScaleSales = z.strictObject({
  /** Ex-VAT sales at the 1% levy rate on ordinary invoices or uninvoiced. */
  general1pct: MoneyInput.optional(),
  /** Ex-VAT sales on special invoices at 1%. */
  special1pct: MoneyInput.optional(),
  /** Ex-VAT sales on special invoices at 3% (the 1% cut waived). */
  special3pct: MoneyInput.optional(),
  /** Ex-VAT real-estate sales at 5% (2023–2025 only). */
  realEstate5pct: MoneyInput.optional(),
  /** Tax-inclusive receipts at 1%, converted with ÷ 1.01. */
  grossInclusive1pct: MoneyInput.optional(),
});
export type SmallScaleSales = z.infer<typeof SmallScaleSales>;

export const VatSmallScaleRequest = z.object({
  kind: z.literal('vat-small-scale'),
  period: TaxPeriod,
  sales: SmallScaleSales.optional(),
  /** 差额扣除, on the same ex-VAT basis as the sales. */
  deduction: MoneyInput.optional(),
});
export type VatSmallScaleRequest = z.infer<typeof VatSmallScaleRequest>;

export const VatGeneralRequest = z.object({
  kind: z.literal('vat-general'),
  /** Optional; when given it must lie in 2023-01 … 2027-12. */
  period: TaxPeriod.optional(),
  salesByRate: SalesByRate.optional(),
  inclusiveSalesByRate: SalesByRate.optional(),
  inputTax: MoneyInput.optional(),
  carriedForwardCredit: MoneyInput.optional(),
});
export type VatGeneralRequest = z.infer<typeof VatGeneralRequest>;

export const Location = z.enum(['urban', 'county_town', 'other'], { error: 'INVALID_LOCATION' });
export type Location = z.infer<typeof Location>;

export const SurchargesRequest = z.object({
  kind: z.literal('surcharges'),
  /** Optional; when given it must lie in 2023-01 … 2027-12. */
  period: TaxPeriod.optional(),
  vatPaid: MoneyInput,
  location: Location,
  periodType: PeriodType,
  /** Sales of the period, for the education-surcharge exemption test. */
  periodSales: MoneyInput,
  sixTaxesHalf: Flag.optional(),
});
export type SurchargesRequest = z.infer<typeof SurchargesRequest>;

export const CitAnnualRequest = z.object({
  kind: z.literal('cit-annual'),
  taxYear: TaxYear,
  taxableIncome: SignedMoneyInput,
  avgHeadcount: QuantityInput,
  avgTotalAssets: MoneyInput,
  restrictedIndustry: Flag.optional(),
});
export type CitAnnualRequest = z.infer<typeof CitAnnualRequest>;

const StartEnd = <T extends z.ZodType>(item: T) =>
  z.array(z.tuple([item, item], { error: 'INVALID_NUMBER' }), { error: 'INVALID_NUMBER' });

export const CitPrepayRequest = z.object({
  kind: z.literal('cit-prepay'),
  taxYear: TaxYear,
  quarter: wholeNumber(1, 4),
  cumulativeProfit: SignedMoneyInput,
  prepaidThisYear: MoneyInput.optional(),
  /** [[start, end], …] for each quarter of the year so far (fewer when the company opened mid-year). */
  headcountByQuarter: StartEnd(QuantityInput).optional(),
  assetsByQuarter: StartEnd(MoneyInput).optional(),
  /** Alternatively the averages themselves. */
  avgHeadcount: QuantityInput.optional(),
  avgTotalAssets: MoneyInput.optional(),
  restrictedIndustry: Flag.optional(),
});
export type CitPrepayRequest = z.infer<typeof CitPrepayRequest>;

export const CalculateRequest = z.discriminatedUnion(
  'kind',
  [VatSmallScaleRequest, VatGeneralRequest, SurchargesRequest, CitAnnualRequest, CitPrepayRequest],
  { error: 'INVALID_REQUEST' },
);
export type CalculateRequest = z.infer<typeof CalculateRequest>;
export type CalculateKind = CalculateRequest['kind'];

/** Answers: two-decimal strings, never negative. */
export const MoneyOutput = z.string().regex(/^\d+\.\d{2}$/);

export const TaxLine = z.object({ rate: z.string(), base: MoneyOutput, tax: MoneyOutput });
export type TaxLine = z.infer<typeof TaxLine>;

export const VatSmallScaleResponse = z.object({
  kind: z.literal('vat-small-scale'),
  regime: Regime,
  thresholdTestSales: MoneyOutput,
  totalSales: MoneyOutput,
  exemptSales: MoneyOutput,
  vat: MoneyOutput,
  /** The taxed base and tax per levy rate ("1", "3", "5"). */
  lines: z.array(TaxLine),
  reliefs: z.array(Relief),
});
export type VatSmallScaleResponse = z.infer<typeof VatSmallScaleResponse>;

export const VatGeneralResponse = z.object({
  kind: z.literal('vat-general'),
  outputTax: MoneyOutput,
  vatPayable: MoneyOutput,
  creditCarriedForward: MoneyOutput,
  lines: z.array(TaxLine),
  reliefs: z.array(Relief),
});
export type VatGeneralResponse = z.infer<typeof VatGeneralResponse>;

export const SurchargesResponse = z.object({
  kind: z.literal('surcharges'),
  cityTax: MoneyOutput,
  cityTaxReduction: MoneyOutput,
  eduSurcharge: MoneyOutput,
  eduSurchargeReduction: MoneyOutput,
  localEduSurcharge: MoneyOutput,
  localEduSurchargeReduction: MoneyOutput,
  total: MoneyOutput,
  /** True when the sales test (≤ 100,000 a month / 300,000 a quarter) waives both education surcharges. */
  eduExempt: z.boolean(),
  reliefs: z.array(Relief),
});
export type SurchargesResponse = z.infer<typeof SurchargesResponse>;

export const CitAnnualResponse = z.object({
  kind: z.literal('cit-annual'),
  smallLowProfit: z.boolean().nullable(),
  tax: MoneyOutput,
  reliefs: z.array(Relief),
});
export type CitAnnualResponse = z.infer<typeof CitAnnualResponse>;

export const CitPrepayResponse = z.object({
  kind: z.literal('cit-prepay'),
  smallLowProfit: z.boolean().nullable(),
  avgHeadcount: MoneyOutput,
  avgTotalAssets: MoneyOutput,
  cumulativeTax: MoneyOutput,
  payableThisPeriod: MoneyOutput,
  reliefs: z.array(Relief),
});
export type CitPrepayResponse = z.infer<typeof CitPrepayResponse>;

export const CalculateResponse = z.discriminatedUnion('kind', [
  VatSmallScaleResponse,
  VatGeneralResponse,
  SurchargesResponse,
  CitAnnualResponse,
  CitPrepayResponse,
]);
export type CalculateResponse = z.infer<typeof CalculateResponse>;
