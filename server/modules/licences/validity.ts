import { addDays } from '../../../shared/licences/expiry';
import type { LicenceType } from '../../../shared/licences/catalogue';

/** Calendar arithmetic for licence terms (China calendar dates, YYYY-MM-DD). */

export const addMonths = (isoDate: string, months: number): string => {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
};

/** The last valid day of a licence of `type` starting on `validFrom`, or null if indefinite. */
export const defaultValidUntil = (type: LicenceType, validFrom: string): string | null => {
  if (type.validity.indefinite) return null;
  const months = (type.validity.years ?? 0) * 12 + (type.validity.months ?? 0);
  return addDays(addMonths(validFrom, months), -1);
};
