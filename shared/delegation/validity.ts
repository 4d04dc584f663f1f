import { z } from 'zod';
import { DomainError } from '../domain-error';
import { text, type LocalizedText } from '../text';
import { CHINA_OFFSET_MS } from '../time/china';

/** The longest authorization a legal representative can give in one go. */
export const MAX_VALIDITY_MONTHS = 12;
export const MAX_VALIDITY_DAYS = 365;
/** A single-use authorization lapses if the matter is not handled within this many days. */
export const SINGLE_USE_WINDOW_DAYS = 30;
/** The agent is reminded, and may renew, from this many days before the end. */
export const RENEWAL_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;
/** China Standard Time has no daylight saving: calendar arithmetic is done at a fixed +08:00. */
const CST_OFFSET_MS = CHINA_OFFSET_MS;

/**
 * How long the authorization lasts once approved: a number of days, a number of calendar months,
 * or one use for one named matter. Bounds are checked by `checkValidity` so a request beyond
 * them gets a specific code rather than a generic schema error.
 */
export const Validity = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('days'), days: z.number().int() }),
  z.strictObject({ kind: z.literal('months'), months: z.number().int() }),
  z.strictObject({ kind: z.literal('single-use'), matter: z.string().trim().min(2).max(200) }),
]);
export type Validity = z.infer<typeof Validity>;

/** Refuses validity outside 1 day … 12 months. */
export const checkValidity = (v: Validity): void => {
  const tooLong = (): DomainError =>
    new DomainError(
      'VALIDITY_TOO_LONG',
      text('授权期限最长 12 个月。', 'An authorization can last at most 12 months.'),
      { field: 'validity' },
    );
  const tooShort = (): DomainError =>
    new DomainError(
      'VALIDITY_TOO_SHORT',
      text('授权期限至少 1 天。', 'An authorization lasts at least one day.'),
      { field: 'validity' },
    );
  if (v.kind === 'days') {
    if (v.days < 1) throw tooShort();
    if (v.days > MAX_VALIDITY_DAYS) throw tooLong();
  } else if (v.kind === 'months') {
    if (v.months < 1) throw tooShort();
    if (v.months > MAX_VALIDITY_MONTHS) throw tooLong();
  }
};

/** Adds calendar months in China time, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export const addMonthsCst = (start: Date, months: number): Date => {
  const local = new Date(start.getTime() + CST_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(
    y,
    m,
    day,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return new Date(shifted - CST_OFFSET_MS);
};

/** When an authorization starting at `from` with this validity ends. */
export const validUntil = (v: Validity, from: Date): Date => {
  if (v.kind === 'days') return new Date(from.getTime() + v.days * DAY_MS);
  if (v.kind === 'months') return addMonthsCst(from, v.months);
  return new Date(from.getTime() + SINGLE_USE_WINDOW_DAYS * DAY_MS);
};

export const describeValidity = (v: Validity): LocalizedText => {
  if (v.kind === 'days') return text(`${v.days} 天`, v.days === 1 ? '1 day' : `${v.days} days`);
  if (v.kind === 'months') return text(`${v.months} 个月`, v.months === 1 ? '1 month' : `${v.months} months`);
  return text(`一次性：${v.matter}`, `Single use: ${v.matter}`);
};

/**
 * A renewal starts where the current authorization ends (so there is no gap and no overlap), or
 * now when it has already ended.
 */
export const renewalStart = (currentUntil: Date | null, now: Date): Date =>
  currentUntil && currentUntil > now ? currentUntil : now;

/** Whether the agent should be reminded to renew: within the window before the end, not after it. */
export const renewalDue = (until: Date | null, now: Date): boolean =>
  until !== null && until > now && until.getTime() - now.getTime() <= RENEWAL_WINDOW_DAYS * DAY_MS;

/** The stored columns of a validity, and back. */
export type ValidityColumns = {
  durationDays: number | null;
  durationMonths: number | null;
  singleUse: boolean;
  singleUseMatter: string | null;
};

export const validityToColumns = (v: Validity): ValidityColumns => ({
  durationDays: v.kind === 'days' ? v.days : null,
  durationMonths: v.kind === 'months' ? v.months : null,
  singleUse: v.kind === 'single-use',
  singleUseMatter: v.kind === 'single-use' ? v.matter : null,
});

export const validityFromColumns = (c: ValidityColumns): Validity => {
  if (c.singleUse) return { kind: 'single-use', matter: c.singleUseMatter ?? '' };
  if (c.durationMonths !== null) return { kind: 'months', months: c.durationMonths };
  return { kind: 'days', days: c.durationDays ?? 1 };
};
