/** Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, so no time zone can shift a day. */

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isoDate = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The parts of a real calendar date, or null (2025-02-29 is null). */
export const parseIsoDate = (s: string): { year: number; month: number; day: number } | null => {
  const m = ISO.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return null;
  return { year, month, day };
};

const toUtc = (s: string): number => {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`Not an ISO date: ${s}`);
  return Date.UTC(p.year, p.month - 1, p.day);
};

const fromUtc = (t: number): string => new Date(t).toISOString().slice(0, 10);

export const addDays = (s: string, days: number): string => fromUtc(toUtc(s) + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (s: string): number => new Date(toUtc(s)).getUTCDay();

export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();
