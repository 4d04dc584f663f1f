/** ISO calendar dates (YYYY-MM-DD) as plain strings: they compare correctly as text. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** A real proleptic-Gregorian date. Year 0000 does not exist (1 BC is followed by AD 1). */
export const isRealDate = (year: number, month: number, day: number): boolean =>
  Number.isInteger(year) &&
  Number.isInteger(month) &&
  Number.isInteger(day) &&
  year >= 1 &&
  year <= 9999 &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month);

export const isIsoDate = (value: string): boolean => {
  const m = ISO_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
};

/** `YYYYMMDD` → `YYYY-MM-DD` when it is a real date, else null. */
export const compactToIsoDate = (yyyymmdd: string): string | null => {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return isIsoDate(iso) ? iso : null;
};
