import { describe, expect, it } from 'vitest';
import {
  annualReportDue,
  annualReportWindow,
  checkCorrection,
  checkFirstFiling,
  correctionDeadline,
  owedReportYears,
} from './annual-report';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('annual report window', () => {
  it('runs 1 January – 30 June of the next year', () => {
    expect(annualReportWindow(2025)).toEqual({ opensOn: '2026-01-01', closesOn: '2026-06-30' });
    expect(correctionDeadline(2025)).toBe('2026-06-30');
  });

  it('a company registered in year N owes N first, in N+1; nothing in its founding year', () => {
    expect(owedReportYears('2026-03-01', '2026-12-31')).toEqual([]);
    expect(owedReportYears('2025-12-31', '2026-01-01')).toEqual([2025]);
    expect(owedReportYears('2023-05-05', '2026-02-01')).toEqual([2023, 2024, 2025]);
  });
});

describe('annualReportDue', () => {
  it('shows the open year with the days left to 30 June', () => {
    expect(annualReportDue('2020-01-01', '2026-06-01', [2020, 2021, 2022, 2023, 2024])).toEqual({
      openYear: 2025,
      daysLeft: 29,
      closesOn: '2026-06-30',
      overdueYears: [],
      missingYears: [2025],
    });
    expect(annualReportDue('2020-01-01', '2026-06-30', [2020, 2021, 2022, 2023, 2024]).daysLeft).toBe(0);
  });

  it('after 30 June the unfiled year is overdue, not open', () => {
    const due = annualReportDue('2024-02-02', '2026-07-01', [2024]);
    expect(due.openYear).toBeNull();
    expect(due.daysLeft).toBeNull();
    expect(due.overdueYears).toEqual([2025]);
  });

  it('nothing is due for a company founded this year, or once filed', () => {
    expect(annualReportDue('2026-01-10', '2026-03-01', [])).toMatchObject({
      openYear: null,
      missingYears: [],
    });
    expect(annualReportDue('2025-01-10', '2026-03-01', [2025])).toMatchObject({
      openYear: null,
      missingYears: [],
    });
  });

  it('an earlier unfiled year stays overdue beside the open one', () => {
    expect(annualReportDue('2024-01-01', '2026-03-01', [])).toMatchObject({
      openYear: 2025,
      overdueYears: [2024],
      missingYears: [2024, 2025],
    });
  });
});

describe('checkFirstFiling', () => {
  const base = { establishedOn: '2023-04-01', today: '2026-03-15', filedYears: [2023, 2024] };

  it('accepts the previous year inside the window, on time', () => {
    expect(checkFirstFiling({ ...base, reportYear: 2025 })).toEqual({ late: false });
    expect(checkFirstFiling({ ...base, today: '2026-01-01', reportYear: 2025 })).toEqual({ late: false });
    expect(checkFirstFiling({ ...base, today: '2026-06-30', reportYear: 2025 })).toEqual({ late: false });
  });

  it('accepts a year whose window closed as a late filing (the way off the abnormal list)', () => {
    expect(checkFirstFiling({ ...base, today: '2026-07-01', reportYear: 2025 })).toEqual({ late: true });
  });

  it('refuses a company founded this year', () => {
    expect(
      code(() =>
        checkFirstFiling({ ...base, establishedOn: '2026-01-05', filedYears: [], reportYear: 2025 }),
      ),
    ).toBe('ANNUAL_REPORT_FOUNDED_THIS_YEAR');
  });

  it('refuses a year that has not ended, and a year before founding', () => {
    expect(code(() => checkFirstFiling({ ...base, reportYear: 2026 }))).toBe('ANNUAL_REPORT_OUTSIDE_WINDOW');
    expect(code(() => checkFirstFiling({ ...base, reportYear: 2022 }))).toBe('ANNUAL_REPORT_BEFORE_FOUNDING');
  });

  it('refuses a second report with an offer to correct while correction is open', () => {
    try {
      checkFirstFiling({ ...base, reportYear: 2024, filedYears: [2023, 2024, 2025] });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'ANNUAL_REPORT_ALREADY_FILED', field: 'reportYear' });
      expect((e as { text: { zh: string } }).text.zh).toContain('更正期限');
    }
    try {
      checkFirstFiling({ ...base, reportYear: 2025, filedYears: [2023, 2024, 2025] });
      expect.unreachable();
    } catch (e) {
      expect((e as { text: { en: string } }).text.en).toContain('submit a correction by 2026-06-30');
    }
  });

  it('refuses a year while an earlier owed year is unfiled', () => {
    expect(code(() => checkFirstFiling({ ...base, filedYears: [2023], reportYear: 2025 }))).toBe(
      'ANNUAL_REPORT_EARLIER_YEAR_MISSING',
    );
  });
});

describe('checkCorrection', () => {
  it('allows corrections until 30 June of the filing year, not after', () => {
    expect(() => checkCorrection(2025, '2026-06-30')).not.toThrow();
    expect(code(() => checkCorrection(2025, '2026-07-01'))).toBe('ANNUAL_REPORT_CORRECTION_CLOSED');
  });
});
