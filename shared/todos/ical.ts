import { addDays } from '../calendar/iso-date';
import type { TodoItem } from './model';

/**
 * An RFC 5545 calendar of to-do deadlines: one all-day VEVENT per item on its deadline (a China
 * date, so a floating DATE value — the day does not shift in another time zone), a UID stable per
 * item, text escaped (§3.3.11) and lines folded at 75 octets (§3.1), CRLF line ends.
 */

/** TEXT escaping: backslash, semicolon, comma, and newlines as `\n`. */
export const escapeText = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

const encoder = new TextEncoder();

/** Folds a content line into pieces of at most 75 octets, never splitting a UTF-8 character. */
export const foldLine = (line: string): string => {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
};

const basic = (isoDate: string): string => isoDate.replaceAll('-', '');

/** `20261203T041500Z` */
const stamp = (at: Date): string =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export type CalendarOptions = {
  /** The platform's host name, part of each UID so UIDs are globally unique. */
  domain: string;
  now: Date;
  lang: 'zh' | 'en';
  /** The app's public origin, for a link to the action. */
  origin: string;
};

export const calendarOf = (items: readonly TodoItem[], o: CalendarOptions): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Shangtong//To-do centre//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(o.lang === 'zh' ? '商通待办' : 'Shangtong to-dos')}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const item of items) {
    const who = item.companyName ? `${item.companyName}：` : '';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(item.key)}@${o.domain}`,
      `DTSTAMP:${stamp(o.now)}`,
      `DTSTART;VALUE=DATE:${basic(item.dueDate)}`,
      `DTEND;VALUE=DATE:${basic(addDays(item.dueDate, 1))}`,
      `SUMMARY:${escapeText(who + item.title[o.lang])}`,
      `DESCRIPTION:${escapeText(
        [item.title[o.lang], item.uscc ?? '', `${item.action.label[o.lang]}: ${o.origin}${item.action.path}`]
          .filter(Boolean)
          .join('\n'),
      )}`,
      `URL:${o.origin}${item.action.path}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
};
