import { type LocalizedText, text } from '../text';
import { averageOfQuarters } from './cit-averages';
import {
  type CitAnnualRequest,
  type CitAnnualResponse,
  type CitPrepayRequest,
  type CitPrepayResponse,
} from './contract';
import {
  formatMoney,
  maxZero,
  parseMoney,
  parseOptionalMoney,
  parseQuantity,
  round2,
  type TaxDecimal,
  TaxDecimal as D,
  ZERO,
} from './money';
import { regimeForYear } from './period';
import { type Relief, reliefs } from './reliefs';
import { taxError } from './tax-error';

export type CitAnnualInput = Omit<CitAnnualRequest, 'kind'>;
export type CitPrepayInput = Omit<CitPrepayRequest, 'kind'>;

/** 小型微利企业 limits (财政部 税务总局公告2023年第12号 art. 3), all inclusive, in yuan and persons. */
export const SMALL_LOW_PROFIT_LIMITS = {
  taxableIncome: new D(3_000_000),
  headcount: new D(300),
  totalAssets: new D(50_000_000),
} as const;
const STANDARD_RATE = new D('0.25');
/** 25% of income taxed at 20%. */
const SMALL_LOW_PROFIT_RATE = new D('0.25').times('0.20');

type Facts = { income: TaxDecimal; headcount: TaxDecimal; assets: TaxDecimal; restricted: boolean };

/** Why a company is not a small low-profit enterprise; empty when it is (all or nothing). */
export const smallLowProfitFailures = (f: Facts): LocalizedText[] => {
  const failures: LocalizedText[] = [];
  if (f.restricted) failures.push(text('从事国家限制或禁止行业', 'in a restricted or prohibited industry'));
  if (f.income.greaterThan(SMALL_LOW_PROFIT_LIMITS.taxableIncome)) {
    failures.push(text('应纳税所得额超过300万元', 'taxable income above 3,000,000'));
  }
  if (f.headcount.greaterThan(SMALL_LOW_PROFIT_LIMITS.headcount)) {
    failures.push(text('从业人数超过300人', 'average headcount above 300'));
  }
  if (f.assets.greaterThan(SMALL_LOW_PROFIT_LIMITS.totalAssets)) {
    failures.push(text('资产总额超过5000万元', 'average total assets above 50,000,000'));
  }
  return failures;
};

type Assessment = { smallLowProfit: boolean | null; tax: TaxDecimal; reliefs: Relief[] };

/** Tax on a profit figure; a loss (negative) has no status and no tax. */
const assess = (f: Facts): Assessment => {
  if (f.income.isNegative() && !f.income.isZero()) {
    return { smallLowProfit: null, tax: ZERO, reliefs: [reliefs.lossYear()] };
  }
  const failures = smallLowProfitFailures(f);
  const eligible = failures.length === 0;
  const tax = round2(f.income.times(eligible ? SMALL_LOW_PROFIT_RATE : STANDARD_RATE));
  return {
    smallLowProfit: eligible,
    tax,
    reliefs: [eligible ? reliefs.smallLowProfit() : reliefs.notSmallLowProfit(failures)],
  };
};

/** 企业所得税年度汇算 (tax.md §4). */
export const calculateCitAnnual = (input: CitAnnualInput): CitAnnualResponse => {
  regimeForYear(input.taxYear, 'taxYear');
  const result = assess({
    income: parseMoney(input.taxableIncome, 'taxableIncome', { allowNegative: true }),
    headcount: parseQuantity(input.avgHeadcount, 'avgHeadcount'),
    assets: parseMoney(input.avgTotalAssets, 'avgTotalAssets'),
    restricted: input.restrictedIndustry === true,
  });
  return {
    kind: 'cit-annual',
    smallLowProfit: result.smallLowProfit,
    tax: formatMoney(result.tax),
    reliefs: result.reliefs,
  };
};

/** One average from either its quarterly [start, end] pairs or the figure itself, not both. */
const averageFrom = (
  pairs: readonly (readonly [unknown, unknown])[] | undefined,
  average: unknown,
  quarter: number,
  names: { pairs: string; average: string },
  parse: (value: unknown, field: string) => TaxDecimal,
): TaxDecimal => {
  if (pairs !== undefined && average !== undefined) throw taxError('INVALID_REQUEST', names.average);
  if (pairs !== undefined) return averageOfQuarters(pairs, quarter, names.pairs, parse);
  return parse(average, names.average);
};

/**
 * 企业所得税季度预缴 (tax.md §4): the tax on cumulative profit, with eligibility judged on the
 * cumulative averages, less what was prepaid this year; never below zero.
 */
export const calculateCitPrepay = (input: CitPrepayInput): CitPrepayResponse => {
  regimeForYear(input.taxYear, 'taxYear');
  const quarter = input.quarter;
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw taxError('INVALID_NUMBER', 'quarter');
  const profit = parseMoney(input.cumulativeProfit, 'cumulativeProfit', { allowNegative: true });
  const prepaid = parseOptionalMoney(input.prepaidThisYear, 'prepaidThisYear');
  const headcount = averageFrom(
    input.headcountByQuarter,
    input.avgHeadcount,
    quarter,
    { pairs: 'headcountByQuarter', average: 'avgHeadcount' },
    parseQuantity,
  );
  const assets = averageFrom(
    input.assetsByQuarter,
    input.avgTotalAssets,
    quarter,
    { pairs: 'assetsByQuarter', average: 'avgTotalAssets' },
    (v, f) => parseMoney(v, f),
  );
  const result = assess({ income: profit, headcount, assets, restricted: input.restrictedIndustry === true });
  const payable = maxZero(result.tax.minus(prepaid));
  const notes = [...result.reliefs];
  if (prepaid.greaterThan(ZERO) && prepaid.greaterThanOrEqualTo(result.tax))
    notes.push(reliefs.prepaidCovers());

  return {
    kind: 'cit-prepay',
    smallLowProfit: result.smallLowProfit,
    avgHeadcount: formatMoney(headcount),
    avgTotalAssets: formatMoney(assets),
    cumulativeTax: formatMoney(result.tax),
    payableThisPeriod: formatMoney(payable),
    reliefs: notes,
  };
};
