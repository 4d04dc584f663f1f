import { addDays, isoDate, weekday } from './iso-date';

/** One year's rest days as published by the State Council, and the weekend days worked instead. */
export type HolidayCalendar = { holidays: ReadonlySet<string>; makeupWorkdays: ReadonlySet<string> };

export const holidayCalendar = (
  holidays: readonly string[],
  makeupWorkdays: readonly string[],
): HolidayCalendar => ({
  holidays: new Set(holidays),
  makeupWorkdays: new Set(makeupWorkdays),
});

/**
 * A statutory rest day in the sense of 征管法实施细则 art. 109: a public holiday, or a Saturday or
 * Sunday that is not a make-up working day (调休上班).
 */
export const isRestDay = (cal: HolidayCalendar, date: string): boolean => {
  if (cal.holidays.has(date)) return true;
  if (cal.makeupWorkdays.has(date)) return false;
  const d = weekday(date);
  return d === 0 || d === 6;
};

export const nextWorkingDayOnOrAfter = (cal: HolidayCalendar, date: string): string => {
  let d = date;
  while (isRestDay(cal, d)) d = addDays(d, 1);
  return d;
};

const nthWorkingDayAfter = (cal: HolidayCalendar, date: string, n: number): string => {
  let d = date;
  for (let found = 0; found < n;) {
    d = addDays(d, 1);
    if (!isRestDay(cal, d)) found += 1;
  }
  return d;
};

/**
 * Total days of the runs of rest days that, clipped to days 1–15 of the month, are still at
 * least 3 days long (calendar.md). Weekends count, so a 2-day holiday next to a weekend is a run.
 */
export const longRestDays = (cal: HolidayCalendar, year: number, month: number): number => {
  let total = 0;
  let run = 0;
  for (let day = 1; day <= 16; day += 1) {
    if (day <= 15 && isRestDay(cal, isoDate(year, month, day))) {
      run += 1;
      continue;
    }
    if (run >= 3) total += run;
    run = 0;
  }
  return total;
};

/** The filing deadline of the window in `month` by the art. 109 rule, without the official table. */
export const computeDeadline = (cal: HolidayCalendar, year: number, month: number): string => {
  const fifteenth = isoDate(year, month, 15);
  const n = longRestDays(cal, year, month);
  return n > 0 ? nthWorkingDayAfter(cal, fifteenth, n) : nextWorkingDayOnOrAfter(cal, fifteenth);
};

/** computeDeadline for every month of a year, from the year's holiday and make-up day lists. */
export const computeDeadlines = (
  year: number,
  holidays: readonly string[],
  makeupWorkdays: readonly string[],
): { month: number; date: string }[] => {
  const cal = holidayCalendar(holidays, makeupWorkdays);
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, date: computeDeadline(cal, year, i + 1) }));
};
