import { DomainError } from '../domain-error';
import { text } from '../text';
import { isoDate } from '../calendar/iso-date';

/**
 * The annual report (企业年报) calendar, lifecycle.md §3 (DISC §8, RULES §63). Every date here is a
 * China calendar date (YYYY-MM-DD); callers turn the clock into one with their "today in China".
 */

/** The filing window for the report on `reportYear`: 1 January – 30 June of the next year. */
export const annualReportWindow = (reportYear: number): { opensOn: string; closesOn: string } => ({
  opensOn: isoDate(reportYear + 1, 1, 1),
  closesOn: isoDate(reportYear + 1, 6, 30),
});

const yearOf = (date: string): number => Number(date.slice(0, 4));

/** The last day a filed report on `reportYear` may be corrected (DISC §12): 30 June of the filing year. */
export const correctionDeadline = (reportYear: number): string => annualReportWindow(reportYear).closesOn;

/**
 * Every report year a company owes by `today`: from its founding year (a company registered in
 * year N files first for N, in N+1) to the last ended year. Empty for a company founded this year.
 */
export const owedReportYears = (establishedOn: string, today: string): number[] => {
  const years: number[] = [];
  for (let y = yearOf(establishedOn); y < yearOf(today); y++) years.push(y);
  return years;
};

/** Whether `today` falls inside the on-time window of `reportYear`. */
export const inWindow = (reportYear: number, today: string): boolean => {
  const w = annualReportWindow(reportYear);
  return today >= w.opensOn && today <= w.closesOn;
};

export type AnnualReportDue = {
  /** The report due in the current window, or null outside the window / nothing owed. */
  openYear: number | null;
  /** Days left until 30 June (0 on the day itself), when a report is open. */
  daysLeft: number | null;
  closesOn: string | null;
  /** Owed years without a report whose window has closed (the abnormal-list years). */
  overdueYears: number[];
  /** Every owed year without a report, oldest first (the order they must be filed in). */
  missingYears: number[];
};

const dayNumber = (date: string): number =>
  Date.UTC(yearOf(date), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** What a company owes on `today`, given the years it has filed. */
export const annualReportDue = (
  establishedOn: string,
  today: string,
  filedYears: readonly number[],
): AnnualReportDue => {
  const missingYears = owedReportYears(establishedOn, today).filter((y) => !filedYears.includes(y));
  const current = yearOf(today) - 1;
  const open = missingYears.includes(current) && inWindow(current, today) ? current : null;
  const closesOn = open === null ? null : annualReportWindow(open).closesOn;
  return {
    openYear: open,
    daysLeft: closesOn === null ? null : dayNumber(closesOn) - dayNumber(today),
    closesOn,
    overdueYears: missingYears.filter((y) => y !== open),
    missingYears,
  };
};

/**
 * May the company file a first report on `reportYear` today? Refusals, each with its own code:
 * a year that has not ended, a year before the company existed (including a company founded this
 * year, which owes nothing yet), a report already filed (the caller offers a correction), an
 * earlier owed year still unfiled (missing years first, §3.5). A year whose window has closed is
 * accepted as a late filing (补报): the abnormal list is only left by filing late (§3.7).
 */
export const checkFirstFiling = (input: {
  establishedOn: string;
  today: string;
  reportYear: number;
  filedYears: readonly number[];
}): { late: boolean } => {
  const { establishedOn, today, reportYear, filedYears } = input;
  const field = 'reportYear';
  if (yearOf(establishedOn) >= yearOf(today))
    throw new DomainError(
      'ANNUAL_REPORT_FOUNDED_THIS_YEAR',
      text(
        `企业成立于${yearOf(establishedOn)}年，今年无需报送年度报告；首份年报在${yearOf(establishedOn) + 1}年1月1日至6月30日报送。`,
        `The company was founded in ${yearOf(establishedOn)} and owes no annual report this year; its first report is due 1 January – 30 June ${yearOf(establishedOn) + 1}.`,
      ),
      { field },
    );
  if (reportYear >= yearOf(today))
    throw new DomainError(
      'ANNUAL_REPORT_OUTSIDE_WINDOW',
      text(
        `${reportYear}年度尚未结束，年度报告自${reportYear + 1}年1月1日起报送。`,
        `The year ${reportYear} has not ended; its report opens on 1 January ${reportYear + 1}.`,
      ),
      { field },
    );
  if (reportYear < yearOf(establishedOn))
    throw new DomainError(
      'ANNUAL_REPORT_BEFORE_FOUNDING',
      text(
        `企业成立于${establishedOn}，无需报送${reportYear}年度报告。`,
        `The company was founded on ${establishedOn}; there is no report for ${reportYear}.`,
      ),
      { field },
    );
  if (filedYears.includes(reportYear)) {
    const until = correctionDeadline(reportYear);
    throw new DomainError(
      'ANNUAL_REPORT_ALREADY_FILED',
      today <= until
        ? text(
            `${reportYear}年度报告已报送。如需修改，请在${until}前提交更正。`,
            `The ${reportYear} report has been filed. To change it, submit a correction by ${until}.`,
          )
        : text(
            `${reportYear}年度报告已报送，更正期限（${until}）已过。`,
            `The ${reportYear} report has been filed and its correction period ended on ${until}.`,
          ),
      { field },
    );
  }
  const earlier = owedReportYears(establishedOn, today).filter(
    (y) => y < reportYear && !filedYears.includes(y),
  );
  if (earlier.length > 0)
    throw new DomainError(
      'ANNUAL_REPORT_EARLIER_YEAR_MISSING',
      text(`请先补报${earlier.join('、')}年度报告。`, `File the report for ${earlier.join(', ')} first.`),
      { field },
    );
  return { late: !inWindow(reportYear, today) };
};

/** May a filed report on `reportYear` be corrected today (DISC §12: until 30 June of the filing year)? */
export const checkCorrection = (reportYear: number, today: string): void => {
  const until = correctionDeadline(reportYear);
  if (today > until)
    throw new DomainError(
      'ANNUAL_REPORT_CORRECTION_CLOSED',
      text(
        `${reportYear}年度报告的更正期限为${until}，已过期，不能再更正。`,
        `The ${reportYear} report could be corrected until ${until}; that date has passed.`,
      ),
      { field: 'reportYear' },
    );
};
