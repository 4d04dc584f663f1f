import { z } from 'zod';
import { DomainError } from '../domain-error';
import { type LocalizedText, text } from '../text';
import { TAX_CALENDAR, type TaxCalendarData } from './calendar-data';
import { computeDeadlines } from './compute';
import { isoDate } from './iso-date';

export const DeadlineSource = z.enum(['official', 'computed', 'statutory']);
export type DeadlineSource = z.infer<typeof DeadlineSource>;

export const MonthlyDeadline = z.object({
  month: z.number().int().min(1).max(12),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type MonthlyDeadline = z.infer<typeof MonthlyDeadline>;

/**
 * GET /api/v1/tax/deadlines?year= (calendar.md): the deadline of the filing window in each month
 * (January's is for December / Q4 of the year before). `published` is true only for the
 * official table; otherwise `warning` says why the dates may still change.
 */
export const DeadlinesResponse = z.object({
  year: z.number().int(),
  source: DeadlineSource,
  deadlines: z.array(MonthlyDeadline).length(12),
  published: z.boolean(),
  warning: z.object({ zh: z.string(), en: z.string() }).optional(),
});
export type DeadlinesResponse = z.infer<typeof DeadlinesResponse>;

export const DeadlinesQuery = z.object({
  year: z.coerce.number({ error: 'INVALID_YEAR' }).int({ error: 'INVALID_YEAR' }).min(1900).max(9999),
});
export type DeadlinesQuery = z.infer<typeof DeadlinesQuery>;

const COMPUTED_WARNING: LocalizedText = text(
  '国家税务总局尚未发布本年度申报纳税期限，以下日期按节假日安排推算，请以正式公布为准',
  'The official filing calendar for this year is not yet published; these dates are computed from the holiday schedule and may change',
);
const STATUTORY_WARNING: LocalizedText = text(
  '本年度申报纳税期限及节假日安排尚未发布，以下为法定的每月15日，遇节假日可能顺延，请以正式公布为准',
  'Neither the filing calendar nor the holiday schedule for this year is published yet; these are the statutory 15ths and may move',
);

export const assertYear = (year: number): void => {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new DomainError(
      'INVALID_YEAR',
      text('年份应为四位整数', 'The year must be a four-digit whole number'),
      {
        field: 'year',
      },
    );
  }
};

/** The official table when it exists, the art. 109 computation when only holidays are known, else the 15th. */
export const getDeadlines = (year: number, data: TaxCalendarData = TAX_CALENDAR): DeadlinesResponse => {
  assertYear(year);
  const entry = data.years[String(year)];
  const table = entry?.deadlines;
  if (entry && table) {
    const deadlines = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, date: table[String(i + 1)] }));
    // A table missing a month is not the official table: fall through to the computation.
    if (deadlines.every((d): d is MonthlyDeadline => d.date !== undefined)) {
      return { year, source: 'official', deadlines, published: true };
    }
  }
  if (entry) {
    return {
      year,
      source: 'computed',
      deadlines: computeDeadlines(year, entry.holidays, entry.makeupWorkdays),
      published: false,
      warning: COMPUTED_WARNING,
    };
  }
  return {
    year,
    source: 'statutory',
    deadlines: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, date: isoDate(year, i + 1, 15) })),
    published: false,
    warning: STATUTORY_WARNING,
  };
};
