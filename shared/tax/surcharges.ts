import { type Location, type SurchargesRequest, type SurchargesResponse } from './contract';
import { formatMoney, parseMoney, percent, round2, sum, type TaxDecimal, ZERO } from './money';
import { regimeForPeriod } from './period';
import { type Relief, reliefs } from './reliefs';
import { taxError } from './tax-error';
import { SMALL_SCALE_LIMIT } from './vat-small-scale';

export type SurchargesInput = Omit<SurchargesRequest, 'kind'>;

/** 城市维护建设税 rate by where the taxpayer is: 市区 7%, 县城、镇 5%, elsewhere 1%. */
export const CITY_TAX_RATE: Record<Location, string> = { urban: '7', county_town: '5', other: '1' };
const EDU_RATE = '3';
const LOCAL_EDU_RATE = '2';

type Levy = { amount: TaxDecimal; reduction: TaxDecimal };

/**
 * 附加税费 on the VAT actually paid (tax.md §3). Each line is round(base × rate); the 六税两费
 * half is round(line × 50%) taken off that line, so payable = line − reduction.
 */
export const calculateSurcharges = (input: SurchargesInput): SurchargesResponse => {
  if (input.period) regimeForPeriod(input.period);
  const vatPaid = parseMoney(input.vatPaid, 'vatPaid');
  const rate = CITY_TAX_RATE[input.location] as string | undefined;
  if (rate === undefined) throw taxError('INVALID_LOCATION', 'location');
  const periodType = input.periodType as string;
  if (periodType !== 'month' && periodType !== 'quarter') throw taxError('INVALID_PERIOD_TYPE', 'periodType');
  const periodSales = parseMoney(input.periodSales, 'periodSales');
  const half = input.sixTaxesHalf === true;

  // 财税〔2016〕12号: sales ≤ 10万 a month (30万 a quarter), inclusive, waive both education levies.
  const eduExempt = periodSales.lessThanOrEqualTo(SMALL_SCALE_LIMIT[periodType]);
  const levy = (pct: string, waived: boolean): Levy => {
    const amount = waived ? ZERO : round2(vatPaid.times(percent(pct)));
    return { amount, reduction: half ? round2(amount.times('0.5')) : ZERO };
  };
  const city = levy(rate, false);
  const edu = levy(EDU_RATE, eduExempt);
  const localEdu = levy(LOCAL_EDU_RATE, eduExempt);
  const total = sum([city, edu, localEdu].map((l) => l.amount.minus(l.reduction)));

  const notes: Relief[] = [];
  if (eduExempt && vatPaid.greaterThan(ZERO)) notes.push(reliefs.eduSurchargeExempt(periodType));
  if (half && city.amount.plus(edu.amount).plus(localEdu.amount).greaterThan(ZERO))
    notes.push(reliefs.sixTaxesHalf());

  return {
    kind: 'surcharges',
    cityTax: formatMoney(city.amount),
    cityTaxReduction: formatMoney(city.reduction),
    eduSurcharge: formatMoney(edu.amount),
    eduSurchargeReduction: formatMoney(edu.reduction),
    localEduSurcharge: formatMoney(localEdu.amount),
    localEduSurchargeReduction: formatMoney(localEdu.reduction),
    total: formatMoney(total),
    eduExempt,
    reliefs: notes,
  };
};
