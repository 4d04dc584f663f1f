/** The filing calendar (calendar.md): official deadlines, the art. 109 fallback and a company's due items. */
export { TAX_CALENDAR, TaxCalendarData, CalendarYear } from './calendar-data';
export {
  computeDeadline,
  computeDeadlines,
  holidayCalendar,
  isRestDay,
  longRestDays,
  nextWorkingDayOnOrAfter,
} from './compute';
export type { HolidayCalendar } from './compute';
export {
  DeadlineSource,
  DeadlinesQuery,
  DeadlinesResponse,
  getDeadlines,
  MonthlyDeadline,
} from './deadlines';
export {
  citAnnualDue,
  CompanyTaxProfile,
  companyObligations,
  Obligation,
  ObligationPeriod,
} from './obligations';
