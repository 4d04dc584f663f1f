import { describe, expect, it } from 'vitest';
import {
  formatCurrency,
  formatDate,
  formatDateTime,
  formatDateTimeSeconds,
  formatMoney,
  formatNumber,
  formatTime,
} from './format';

// 2026-12-02T17:05:07Z is 2026-12-03 01:05:07 in China: the date must move with the time zone.
const instant = '2026-12-02T17:05:07Z';

describe('formatter, zh-CN', () => {
  it('dates and times in China time', () => {
    expect(formatDate(instant, 'zh')).toBe('2026/12/03');
    expect(formatDateTime(instant, 'zh')).toBe('2026/12/03 01:05');
    expect(formatDateTimeSeconds(instant, 'zh')).toBe('2026/12/03 01:05:07');
    expect(formatTime(instant, 'zh')).toBe('01:05');
  });
  it('money and numbers', () => {
    expect(formatCurrency('1234.5', 'zh')).toBe('¥1,234.50');
    expect(formatCurrency('-1234567.891', 'zh')).toBe('-¥1,234,567.89');
    expect(formatMoney('0')).toBe('0.00');
    expect(formatNumber(12345, 'zh')).toBe('12,345');
  });
});

describe('formatter, zh-HK', () => {
  it('dates and times in China time', () => {
    expect(formatDate(instant, 'zh-HK')).toBe('2026年12月3日');
    expect(formatDateTime(instant, 'zh-HK')).toBe('2026年12月3日 01:05');
    expect(formatTime(instant, 'zh-HK')).toBe('01:05');
  });
  it('money and numbers', () => {
    expect(formatCurrency('1234.50', 'zh-HK')).toBe('¥1,234.50');
    expect(formatNumber(12345, 'zh-HK')).toBe('12,345');
  });
});

describe('formatter, en', () => {
  it('dates spell the month, times stay on the 24-hour clock, China time', () => {
    expect(formatDate(instant, 'en')).toBe('3 Dec 2026');
    expect(formatDateTime(instant, 'en')).toBe('3 Dec 2026, 01:05');
    expect(formatDateTimeSeconds(instant, 'en')).toBe('3 Dec 2026, 01:05:07');
    expect(formatTime(instant, 'en')).toBe('01:05');
  });
  it('money carries the currency code', () => {
    expect(formatCurrency('1234.5', 'en')).toBe('CNY 1,234.50');
    expect(formatCurrency('-0.5', 'en')).toBe('-CNY 0.50');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });
});
