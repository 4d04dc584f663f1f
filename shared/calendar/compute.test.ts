import { describe, expect, it } from 'vitest';
import { TAX_CALENDAR } from './calendar-data';
import { computeDeadlines, holidayCalendar, isRestDay, longRestDays } from './compute';

describe('art. 109 fallback against the official tables', () => {
  it.each(['2024', '2025', '2026'])('reproduces all 12 official deadlines of %s', (year) => {
    const entry = TAX_CALENDAR.years[year];
    if (!entry?.deadlines) throw new Error(`no table for ${year}`);
    const official = Object.entries(entry.deadlines).map(([month, date]) => ({ month: Number(month), date }));
    expect(computeDeadlines(Number(year), entry.holidays, entry.makeupWorkdays)).toEqual(official);
  });
});

describe('the rule in detail', () => {
  const cal2026 = holidayCalendar(
    TAX_CALENDAR.years['2026']?.holidays ?? [],
    TAX_CALENDAR.years['2026']?.makeupWorkdays ?? [],
  );
  it('weekends are rest days unless they are make-up working days', () => {
    expect(isRestDay(cal2026, '2026-03-14')).toBe(true); // Saturday
    expect(isRestDay(cal2026, '2026-02-14')).toBe(false); // Saturday worked before the Spring Festival
    expect(isRestDay(cal2026, '2026-01-01')).toBe(true); // a holiday on a Thursday
  });
  it('counts only runs of 3+ rest days within days 1–15', () => {
    expect(longRestDays(cal2026, 2026, 1)).toBe(3); // 1–3 January (the 4th is worked)
    expect(longRestDays(cal2026, 2026, 2)).toBe(0); // the Spring Festival starts on the 15th: clipped to 1 day
    expect(longRestDays(cal2026, 2026, 10)).toBe(7);
    expect(longRestDays(cal2026, 2026, 3)).toBe(0); // plain weekends are 2-day runs
  });
  it('computes a year without any holidays: the 15th or the next weekday', () => {
    const plain = computeDeadlines(2027, [], []);
    expect(plain[0]).toEqual({ month: 1, date: '2027-01-15' }); // Friday
    expect(plain[4]).toEqual({ month: 5, date: '2027-05-17' }); // 15 May 2027 is a Saturday
  });
});
