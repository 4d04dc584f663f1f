import { describe, expect, it } from 'vitest';
import { compactToIsoDate, isIsoDate, isRealDate } from './calendar-date';

describe('calendar dates', () => {
  it('applies the Gregorian leap-year rule', () => {
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2023, 4, 31)).toBe(false);
    expect(isRealDate(2023, 12, 31)).toBe(true);
    expect(isRealDate(0, 1, 1)).toBe(false);
  });
  it('parses ISO and compact forms', () => {
    expect(isIsoDate('2024-06-01')).toBe(true);
    expect(isIsoDate('2024-6-1')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(compactToIsoDate('19491231')).toBe('1949-12-31');
    expect(compactToIsoDate('19490230')).toBeNull();
    expect(compactToIsoDate('1949123')).toBeNull();
  });
});
