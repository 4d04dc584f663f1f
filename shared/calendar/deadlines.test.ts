import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { TAX_CALENDAR, TaxCalendarData } from './calendar-data';
import { DeadlinesResponse, getDeadlines } from './deadlines';

describe('getDeadlines', () => {
  it('answers the official table for 2026, January first', () => {
    const r = getDeadlines(2026);
    expect(DeadlinesResponse.parse(r)).toEqual(r);
    expect(r).toMatchObject({ year: 2026, source: 'official', published: true });
    expect(r.warning).toBeUndefined();
    expect(r.deadlines[0]).toEqual({ month: 1, date: '2026-01-20' });
    expect(r.deadlines.map((d) => d.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
  it('computes from holidays when a year has no table yet, with a warning', () => {
    const withoutTable: TaxCalendarData = {
      ...TAX_CALENDAR,
      years: {
        '2026': {
          holidays: TAX_CALENDAR.years['2026']?.holidays ?? [],
          makeupWorkdays: TAX_CALENDAR.years['2026']?.makeupWorkdays ?? [],
        },
      },
    };
    const r = getDeadlines(2026, withoutTable);
    expect(r).toMatchObject({ source: 'computed', published: false });
    expect(r.warning?.zh).toContain('尚未发布');
    expect(r.deadlines).toEqual(getDeadlines(2026).deadlines);
  });
  it('falls back to the statutory 15th, flagged as not yet published', () => {
    const r = getDeadlines(2031);
    expect(r).toMatchObject({ year: 2031, source: 'statutory', published: false });
    expect(r.warning?.en).toMatch(/not yet published|Neither/);
    expect(r.deadlines.every((d) => d.date.endsWith('-15'))).toBe(true);
    expect(r.deadlines[11]).toEqual({ month: 12, date: '2031-12-15' });
  });
  it('refuses a year that is not a whole four-digit number', () => {
    for (const bad of [2026.5, 99, Number.NaN]) {
      try {
        getDeadlines(bad);
        expect.unreachable();
      } catch (e) {
        expect(isDomainError(e) && e.code === 'INVALID_YEAR' && e.field === 'year').toBe(true);
      }
    }
  });
  it('the shipped data file validates', () => {
    expect(() => TaxCalendarData.parse(TAX_CALENDAR)).not.toThrow();
  });
});
