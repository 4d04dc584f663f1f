import { TAX_CALENDAR } from '../calendar/calendar-data';
import { holidayCalendar, isRestDay } from '../calendar/compute';
import { addDays } from '../calendar/iso-date';
import type { ServiceKind } from './service-item';

/**
 * 承诺时限: the working days a department promises to decide a licence-free application in, by
 * kind of service (Guangdong's published commitments for these items; a new licence includes the
 * on-site check, a renewal or change of a held licence does not).
 */
export const PROMISED_WORKING_DAYS: Readonly<Record<ServiceKind, number>> = {
  new: 10,
  renew: 5,
  change: 5,
  'annual-review': 5,
  other: 5,
};

const rest = (date: string): boolean => {
  const year = TAX_CALENDAR.years[date.slice(0, 4)];
  return isRestDay(holidayCalendar(year?.holidays ?? [], year?.makeupWorkdays ?? []), date);
};

/** The date (China) by which a decision is promised: N working days after the day it was received. */
export const promisedBy = (receivedOn: string, kind: ServiceKind): string => {
  let d = receivedOn;
  for (let found = 0; found < PROMISED_WORKING_DAYS[kind];) {
    d = addDays(d, 1);
    if (!rest(d)) found += 1;
  }
  return d;
};
