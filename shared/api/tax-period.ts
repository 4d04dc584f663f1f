import { getDeadlines } from '../calendar/deadlines';
import { daysInMonth, isoDate } from '../calendar/iso-date';
import { formatMoney, TaxDecimal } from '../tax/money';
import { periodLabel, periodMonths, type TaxPeriod } from '../tax/period';
import { type LocalizedText, text } from '../text';
import { FORM_NAMES, type ReturnComputation, type ReturnForm } from './tax-return';

/** "2026-Q3" for a quarter, "2026-10" for a month: the period's key in URLs and storage. */
export const periodKey = (p: TaxPeriod): string =>
  p.type === 'quarter' ? `${p.year}-Q${p.quarter}` : `${p.year}-${String(p.month).padStart(2, '0')}`;

export const parsePeriodKey = (key: string): TaxPeriod | null => {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return { type: 'quarter', year: Number(q[1]), quarter: Number(q[2]) };
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return { type: 'month', year: Number(m[1]), month: Number(m[2]) };
  return null;
};

export const periodStart = (p: TaxPeriod): string => isoDate(p.year, periodMonths(p)[0] ?? 1, 1);

export const periodEnd = (p: TaxPeriod): string => {
  const last = periodMonths(p).at(-1) ?? 12;
  return isoDate(p.year, last, daysInMonth(p.year, last));
};

/** Whether the period is over on `today` (a China calendar date): only then may it be filed. */
export const periodEnded = (p: TaxPeriod, today: string): boolean => periodEnd(p) < today;

/** The filing deadline: the deadline of the window in the month after the period ends. */
export const filingDeadline = (
  p: TaxPeriod,
): { date: string; source: 'official' | 'computed' | 'statutory' } => {
  const last = periodMonths(p).at(-1) ?? 12;
  const [y, m] = last === 12 ? [p.year + 1, 1] : [p.year, last + 1];
  const table = getDeadlines(y);
  return { date: table.deadlines[m - 1]?.date ?? isoDate(y, m, 15), source: table.source };
};

/** The period a return may be filed for last: the latest one that has ended by `today`. */
export const latestEndedPeriod = (type: 'month' | 'quarter', today: string): TaxPeriod => {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (type === 'month')
    return month === 1 ? { type, year: year - 1, month: 12 } : { type, year, month: month - 1 };
  const quarter = Math.floor((month - 1) / 3);
  return quarter === 0 ? { type, year: year - 1, quarter: 4 } : { type, year, quarter };
};

/** "1234567.5" → "1,234,567.50" (exact; a leading minus kept). */
export const groupedMoney = (amount: string): string => {
  const [int = '0', frac = '00'] = formatMoney(new TaxDecimal(amount)).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
};

/**
 * Exactly what is being declared, in one sentence for the confirmation and the receipt:
 * who, which form, which period, the sales and the total payable.
 */
export const declarationText = (
  companyName: string,
  period: TaxPeriod,
  c: ReturnComputation,
  options: { zero?: boolean; correction?: boolean } = {},
): LocalizedText => {
  const label = periodLabel(period);
  const form = FORM_NAMES[c.form];
  const kind = options.zero
    ? text('零申报', 'nil return')
    : options.correction
      ? text('更正申报', 'correction')
      : null;
  const salesZh = c.form === 'cit-prepay' ? '' : `销售额 ${groupedMoney(c.salesTotal)} 元，`;
  const salesEn = c.form === 'cit-prepay' ? '' : `sales ${groupedMoney(c.salesTotal)} yuan, `;
  return text(
    `${kind ? `【${kind.zh}】` : ''}为${companyName}申报${label.zh}（${periodStart(period)} 至 ${periodEnd(period)}）${form.zh}：${salesZh}应缴税费合计 ${groupedMoney(c.totalPayable)} 元。`,
    `${kind ? `[${kind.en}] ` : ''}Filing the ${form.en} of ${companyName} for ${label.en} (${periodStart(period)} to ${periodEnd(period)}): ${salesEn}total payable ${groupedMoney(c.totalPayable)} yuan.`,
  );
};

export const formOfTax = (tax: 'vat' | 'cit-prepay', taxpayerType: 'small-scale' | 'general'): ReturnForm =>
  tax === 'cit-prepay' ? 'cit-prepay' : taxpayerType === 'small-scale' ? 'vat-small-scale' : 'vat-general';

export const taxOfForm = (form: ReturnForm): 'vat' | 'cit-prepay' =>
  form === 'cit-prepay' ? 'cit-prepay' : 'vat';
