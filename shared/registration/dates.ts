import { DomainError } from '../domain-error';
import { isIsoDate } from '../identifiers/calendar-date';
import { text } from '../text';

/**
 * The same month and day `years` later (YYYY-MM-DD). From 29 February into a common year the
 * result is 28 February, so a period of N years never runs past its N-th anniversary.
 */
export const addYears = (isoDate: string, years: number, field = 'date'): string => {
  if (!isIsoDate(isoDate)) {
    throw new DomainError('INVALID_DATE', text('日期应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'), {
      field,
    });
  }
  const year = String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0');
  const candidate = `${year}-${isoDate.slice(5)}`;
  return isIsoDate(candidate) ? candidate : `${year}-02-28`;
};
