import { z } from 'zod';
import { taxError } from './tax-error';

/** JSON bodies carry numbers, query strings carry digits: accept both for whole numbers. */
const digitsToNumber = (v: unknown): unknown =>
  typeof v === 'string' && /^\d{1,4}$/.test(v) ? Number(v) : v;

export const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    digitsToNumber,
    z
      .number({ error: 'INVALID_NUMBER' })
      .int({ error: 'INVALID_NUMBER' })
      .min(min, { error: 'INVALID_NUMBER' })
      .max(max, { error: 'INVALID_NUMBER' }),
  );

/** A year as written on a return; whether the rules cover it is regimeForYear's business. */
export const TaxYear = wholeNumber(1900, 9999);

export const PeriodType = z.enum(['month', 'quarter'], { error: 'INVALID_PERIOD_TYPE' });
export type PeriodType = z.infer<typeof PeriodType>;

export const MonthPeriod = z.object({ type: z.literal('month'), year: TaxYear, month: wholeNumber(1, 12) });
export type MonthPeriod = z.infer<typeof MonthPeriod>;
export const QuarterPeriod = z.object({
  type: z.literal('quarter'),
  year: TaxYear,
  quarter: wholeNumber(1, 4),
});
export type QuarterPeriod = z.infer<typeof QuarterPeriod>;

/** A tax period (税款所属期): one month or one quarter. */
export const TaxPeriod = z.discriminatedUnion('type', [MonthPeriod, QuarterPeriod], {
  error: 'INVALID_PERIOD_TYPE',
});
export type TaxPeriod = z.infer<typeof TaxPeriod>;

export const Regime = z.enum(['2023-2025', '2026-2027']);
export type Regime = z.infer<typeof Regime>;

/**
 * The rule set for a year. The reliefs end on 2027-12-31, so later (and earlier) periods are
 * refused rather than computed with rules that may no longer hold.
 */
export const regimeForYear = (year: number, field: string): Regime => {
  if (!Number.isInteger(year) || year < 2023 || year > 2027) throw taxError('UNSUPPORTED_PERIOD', field);
  return year <= 2025 ? '2023-2025' : '2026-2027';
};

export const regimeForPeriod = (period: TaxPeriod, field = 'period'): Regime =>
  regimeForYear(period.year, `${field}.year`);

/** Calendar months (1..12) a period covers. */
export const periodMonths = (period: TaxPeriod): number[] =>
  period.type === 'month' ? [period.month] : [1, 2, 3].map((i) => (period.quarter - 1) * 3 + i);

/** Whether an ISO date (YYYY-MM-DD…) falls inside the period. */
export const periodContains = (period: TaxPeriod, isoDate: string): boolean => {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return year === period.year && periodMonths(period).includes(month);
};

export const quarterOfMonth = (month: number): number => Math.floor((month - 1) / 3) + 1;

export const periodLabel = (period: TaxPeriod): { zh: string; en: string } =>
  period.type === 'month'
    ? {
        zh: `${period.year}年${period.month}月`,
        en: `${period.year}-${String(period.month).padStart(2, '0')}`,
      }
    : { zh: `${period.year}年第${period.quarter}季度`, en: `${period.year} Q${period.quarter}` };
