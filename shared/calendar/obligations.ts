import { z } from 'zod';
import { DomainError } from '../domain-error';
import { text } from '../text';
import { TAX_CALENDAR, type TaxCalendarData } from './calendar-data';
import { holidayCalendar, nextWorkingDayOnOrAfter } from './compute';
import { type DeadlineSource, getDeadlines } from './deadlines';
import { daysBetween, daysInMonth, isoDate, parseIsoDate } from './iso-date';

const IsoDate = z.string().refine((s) => parseIsoDate(s) !== null, { error: 'INVALID_DATE' });

export const CompanyTaxProfile = z.object({
  taxpayerType: z.enum(['small-scale', 'general']),
  /** Small-scale taxpayers mostly file quarterly; general taxpayers monthly (a few quarterly). */
  vatPeriod: z.enum(['month', 'quarter']),
  establishedOn: IsoDate,
});
export type CompanyTaxProfile = z.infer<typeof CompanyTaxProfile>;

export const ObligationPeriod = z.discriminatedUnion('type', [
  z.object({ type: z.literal('month'), year: z.number().int(), month: z.number().int() }),
  z.object({ type: z.literal('quarter'), year: z.number().int(), quarter: z.number().int() }),
  z.object({ type: z.literal('year'), year: z.number().int() }),
]);
export type ObligationPeriod = z.infer<typeof ObligationPeriod>;

export const Obligation = z.object({
  /** `vat` includes the surcharges filed with it. */
  tax: z.enum(['vat', 'cit-prepay', 'cit-annual']),
  period: ObligationPeriod,
  dueDate: z.string(),
  daysLeft: z.number().int(),
  sourceOfDate: z.enum(['official', 'computed', 'statutory']),
});
export type Obligation = z.infer<typeof Obligation>;

type Due = { date: string; source: DeadlineSource };

/**
 * 汇算清缴 ends 31 May. Only the "last day is a rest day → next working day" half of art. 109
 * applies: the Spring Festival inside January–May has never moved this date. With the year's
 * holidays known the date is 'computed' (e.g. 2025-05-31, a Saturday inside the Dragon Boat
 * break, becomes 2025-06-03); without them it is the bare statutory 31 May.
 */
export const citAnnualDue = (taxYear: number, data: TaxCalendarData = TAX_CALENDAR): Due => {
  const year = taxYear + 1;
  const entry = data.years[String(year)];
  const may31 = isoDate(year, 5, 31);
  if (!entry) return { date: may31, source: 'statutory' };
  return {
    date: nextWorkingDayOnOrAfter(holidayCalendar(entry.holidays, entry.makeupWorkdays), may31),
    source: 'computed',
  };
};

const lastDayOf = (year: number, lastMonth: number): string =>
  isoDate(year, lastMonth, daysInMonth(year, lastMonth));

const TAX_ORDER = { vat: 0, 'cit-prepay': 1, 'cit-annual': 2 } as const;

/** Everything falling due in the filing window of calendar month `m` of `y`. */
const dueInWindow = (
  profile: CompanyTaxProfile,
  y: number,
  m: number,
  data: TaxCalendarData,
): Omit<Obligation, 'daysLeft'>[] => {
  const items: Omit<Obligation, 'daysLeft'>[] = [];
  const deadline = getDeadlines(y, data);
  const date = deadline.deadlines[m - 1]?.date ?? isoDate(y, m, 15);
  const windowDue = { dueDate: date, sourceOfDate: deadline.source };
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const established = profile.establishedOn;
  if (profile.vatPeriod === 'month' && lastDayOf(py, pm) >= established) {
    items.push({ tax: 'vat', period: { type: 'month', year: py, month: pm }, ...windowDue });
  }
  if ((m - 1) % 3 === 0 && lastDayOf(py, pm) >= established) {
    const quarter = { type: 'quarter' as const, year: py, quarter: Math.ceil(pm / 3) };
    if (profile.vatPeriod === 'quarter') items.push({ tax: 'vat', period: quarter, ...windowDue });
    items.push({ tax: 'cit-prepay', period: quarter, ...windowDue });
  }
  if (m === 5 && lastDayOf(y - 1, 12) >= established) {
    const due = citAnnualDue(y - 1, data);
    items.push({
      tax: 'cit-annual',
      period: { type: 'year', year: y - 1 },
      dueDate: due.date,
      sourceOfDate: due.source,
    });
  }
  return items;
};

/**
 * What the company must file in the current and the next window: the obligations sharing the
 * earliest due date on or after `today`, then those sharing the next one. Periods ending before
 * the company was established are skipped; nil returns are still obligations (零申报).
 */
export const companyObligations = (
  profile: CompanyTaxProfile,
  today: string,
  data: TaxCalendarData = TAX_CALENDAR,
): Obligation[] => {
  const parsed = CompanyTaxProfile.safeParse(profile);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.map(String).join('.') : '';
    throw new DomainError(
      'INVALID_REQUEST',
      text(`企业信息不正确：${field}`, `Invalid company profile at ${field}`),
      { field },
    );
  }
  const now = parseIsoDate(today);
  if (!now)
    throw new DomainError('INVALID_DATE', text('日期应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'), {
      field: 'today',
    });

  // 15 windows always hold at least two due dates (CIT prepayments alone come every 3 months).
  const start = parseIsoDate(parsed.data.establishedOn > today ? parsed.data.establishedOn : today) ?? now;
  const candidates: Omit<Obligation, 'daysLeft'>[] = [];
  for (let i = 0; i < 15; i += 1) {
    const index = start.month - 1 + i;
    candidates.push(...dueInWindow(parsed.data, start.year + Math.floor(index / 12), (index % 12) + 1, data));
  }
  const upcoming = candidates.filter((c) => c.dueDate >= today);
  const dates = [...new Set(upcoming.map((c) => c.dueDate))].sort().slice(0, 2);
  return upcoming
    .filter((c) => dates.includes(c.dueDate))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || TAX_ORDER[a.tax] - TAX_ORDER[b.tax])
    .map((c) => ({ ...c, daysLeft: daysBetween(today, c.dueDate) }));
};
