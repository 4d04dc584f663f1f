import { chinaDate } from '../time/china';
import { DEFAULT_EXPIRING_DAYS, licenceTypeByCode } from './catalogue';
import type { LicenceDocument } from './document';

/**
 * Where a licence stands on a given day. Licences run by China calendar date: `validUntil` is the
 * last valid day, inclusive, whatever the clock's time zone. `expiring` means within the type's
 * renewal window (its `from` bound) or, for types without one, within 90 days of expiry.
 * `not-yet-valid` is for a licence whose `validFrom` lies ahead.
 */
export type LicenceState = 'valid' | 'expiring' | 'expired' | 'not-yet-valid';

export type RenewalStatus = {
  /** First and last China dates on which renewal may be applied for. */
  opensOn: string;
  closesOn: string;
  open: boolean;
  serviceCode?: string;
};

export type LicenceStateResult = {
  state: LicenceState;
  /** Days from today to `validUntil`: 0 on the last valid day, negative once expired; null if indefinite. */
  daysLeft: number | null;
  renewal: RenewalStatus | null;
};

const DAY_MS = 86_400_000;

const dayNumber = (isoDate: string): number =>
  Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) /
  DAY_MS;

export const daysBetween = (fromIsoDate: string, toIsoDate: string): number =>
  dayNumber(toIsoDate) - dayNumber(fromIsoDate);

export const addDays = (isoDate: string, days: number): string =>
  new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);

export const licenceState = (
  doc: Pick<LicenceDocument, 'typeCode' | 'validFrom' | 'validUntil'>,
  now: string | Date,
): LicenceStateResult => {
  const today = chinaDate(now);
  if (today < doc.validFrom)
    return {
      state: 'not-yet-valid',
      daysLeft: doc.validUntil ? daysBetween(today, doc.validUntil) : null,
      renewal: null,
    };
  if (doc.validUntil === null) return { state: 'valid', daysLeft: null, renewal: null };

  const daysLeft = daysBetween(today, doc.validUntil);
  const type = licenceTypeByCode(doc.typeCode);
  const window = type?.renewalWindowDays;
  const renewal: RenewalStatus | null = window
    ? {
        opensOn: addDays(doc.validUntil, -window.from),
        closesOn: addDays(doc.validUntil, -window.to),
        open: daysLeft <= window.from && daysLeft >= window.to,
        ...(type.renewalServiceCode ? { serviceCode: type.renewalServiceCode } : {}),
      }
    : null;
  if (daysLeft < 0) return { state: 'expired', daysLeft, renewal };
  const expiringFrom = window?.from ?? DEFAULT_EXPIRING_DAYS;
  return { state: daysLeft <= expiringFrom ? 'expiring' : 'valid', daysLeft, renewal };
};
