import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import {
  chinaDate,
  chinaMinute,
  chinaToday,
  chinaYear,
  endOfChinaDay,
  formatChinaClock,
  formatChinaDate,
  formatChinaDateTime,
  formatChinaDateTimeSeconds,
  formatChinaMedium,
  startOfChinaDay,
} from './china';

describe('China time', () => {
  it('takes today in China Standard Time regardless of the host zone', () => {
    expect(chinaToday(new Date('2024-06-01T15:59:59Z'))).toBe('2024-06-01');
    expect(chinaToday(new Date('2024-06-01T16:00:00Z'))).toBe('2024-06-02');
    expect(chinaToday(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
  });

  it('reads the China date of an ISO instant with any offset, and refuses an unreadable one', () => {
    expect(chinaDate('2025-12-31T16:30:00Z')).toBe('2026-01-01');
    expect(chinaDate('2026-01-01T00:30:00+08:00')).toBe('2026-01-01');
    expect(chinaDate(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    let caught: unknown;
    try {
      chinaDate('not a time');
    } catch (e) {
      caught = e;
    }
    expect(isDomainError(caught) && caught.code).toBe('INVALID_INSTANT');
  });

  it('gives the China year across the New Year boundary', () => {
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  it('bounds a China day by its Beijing midnights', () => {
    expect(startOfChinaDay('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(endOfChinaDay('2026-03-01').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(chinaToday(startOfChinaDay('2026-03-01'))).toBe('2026-03-01');
    expect(chinaToday(new Date(endOfChinaDay('2026-03-01').getTime() - 1))).toBe('2026-03-01');
  });

  it('writes minutes in China time for documents', () => {
    expect(chinaMinute('2026-01-01T16:05:59Z')).toBe('2026-01-02 00:05');
    expect(chinaMinute(new Date('2026-06-30T01:02:00Z'))).toBe('2026-06-30 09:02');
  });

  it('formats texts for people in China time', () => {
    const at = '2026-01-01T16:05:07Z';
    expect(formatChinaDate(at)).toBe('2026/01/02');
    expect(formatChinaDateTime(at)).toBe('2026/01/02 00:05');
    expect(formatChinaDateTimeSeconds(at)).toBe('2026/01/02 00:05:07');
    expect(formatChinaClock(new Date(at))).toBe('00:05');
    expect(formatChinaMedium(at)).toBe('2026年1月2日 00:05:07');
  });
});
