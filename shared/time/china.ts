import { DomainError } from '../domain-error';
import { text } from '../text';

/**
 * China time in one place, for the server and the renderer alike. China keeps one zone, UTC+8,
 * with no daylight saving, so calendar dates are plain arithmetic on the instant and do not depend
 * on the host's zone: a server running on UTC must not call a child born this morning in Beijing
 * "born in the future". Texts for people go through Intl with the zone named explicitly.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The China calendar date (`YYYY-MM-DD`) of an instant; today's when no instant is given. */
export const chinaToday = (now: Date = new Date()): string =>
  new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** The China calendar date of an instant given as ISO text or Date; refuses an unreadable instant. */
export const chinaDate = (instant: string | Date): string => {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) {
    throw new DomainError('INVALID_INSTANT', text('时间格式无效', 'The time is not a valid ISO instant'), {
      field: 'now',
    });
  }
  return chinaToday(at);
};

/** The year of today's China date. */
export const chinaYear = (now: Date = new Date()): number => Number(chinaToday(now).slice(0, 4));

/** The first instant of a China calendar day (`YYYY-MM-DD`): its 00:00 in Beijing. */
export const startOfChinaDay = (isoDate: string): Date =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - CHINA_OFFSET_MS);

/** The first instant after a China calendar day: the next day's 00:00 in Beijing. */
export const endOfChinaDay = (isoDate: string): Date =>
  new Date(startOfChinaDay(isoDate).getTime() + 24 * 60 * 60 * 1000);

/** `YYYY-MM-DD HH:mm` in China time, for machine-made documents (exports, PDFs). */
export const chinaMinute = (instant: Date | string): string =>
  new Date(new Date(instant).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** An instant in China time, in the reader's locale (zh-CN, zh-HK, en…): the renderer's formatter builds on this. */
export const formatInChina = (
  instant: Date | string,
  options: Intl.DateTimeFormatOptions,
  locale = 'zh-CN',
): string =>
  new Intl.DateTimeFormat(locale, { timeZone: CHINA_TIME_ZONE, ...options }).format(new Date(instant));

const format =
  (options: Intl.DateTimeFormatOptions) =>
  (instant: Date | string): string =>
    formatInChina(instant, options);

/** `2026/01/02`, as people in China read a date. */
export const formatChinaDate = format({ year: 'numeric', month: '2-digit', day: '2-digit' });

/** `2026/01/02 09:05`. */
export const formatChinaDateTime = format({
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** `2026/01/02 09:05:07`, for timelines whose steps are seconds apart. */
export const formatChinaDateTimeSeconds = format({
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** `09:05` on the 24-hour clock. */
export const formatChinaClock = format({ hour: '2-digit', minute: '2-digit', hour12: false });

/** `2026年1月2日 09:05:07`, the medium style of printed receipts. */
export const formatChinaMedium = format({ dateStyle: 'medium', timeStyle: 'medium' });
