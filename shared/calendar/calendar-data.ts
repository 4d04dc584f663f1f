import { z } from 'zod';
import raw from './data/tax-calendar.json' with { type: 'json' };
import { parseIsoDate } from './iso-date';

const IsoDate = z.string().refine((s) => parseIsoDate(s) !== null, 'expected a real YYYY-MM-DD date');

export const CalendarYear = z.object({
  holidays: z.array(IsoDate),
  makeupWorkdays: z.array(IsoDate),
  /** The official table, month "1".."12" → deadline; absent until the notice is published. */
  deadlines: z.record(z.string().regex(/^(1[0-2]|[1-9])$/), IsoDate).optional(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

/** The shipped data file (calendar.md): one entry per year with holidays and, once out, the table. */
export const TaxCalendarData = z.object({
  source: z.record(z.string(), z.string()),
  rule: z.string(),
  years: z.record(z.string().regex(/^\d{4}$/), CalendarYear),
});
export type TaxCalendarData = z.infer<typeof TaxCalendarData>;

/** Parsed once at load: a malformed data file must fail loudly, not yield a wrong date. */
export const TAX_CALENDAR: TaxCalendarData = TaxCalendarData.parse(raw);
