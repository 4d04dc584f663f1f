import { describe, expect, it } from 'vitest';
import {
  ABNORMAL_LIST_EFFECTS,
  assertNotBlockedByAbnormalList,
  checkRemovalApplication,
  listingDate,
  listingYearDueBy,
  owesReport,
  seriousListDate,
} from './abnormal-list';

describe('abnormal operations list', () => {
  it('lists on 1 July for the previous year', () => {
    expect(listingDate(2025)).toBe('2026-07-01');
    expect(listingYearDueBy('2026-06-30')).toBe(2024);
    expect(listingYearDueBy('2026-07-01')).toBe(2025);
    expect(listingYearDueBy('2026-12-31')).toBe(2025);
  });

  it('a company owes the report from its founding year on', () => {
    expect(owesReport('2025-12-31', 2025)).toBe(true);
    expect(owesReport('2026-01-01', 2025)).toBe(false);
  });

  it('removal needs every missing year filed first', () => {
    expect(() => checkRemovalApplication([2024, 2025])).toThrow(/ABNORMAL_REMOVAL_REPORTS_MISSING/);
    expect(() => checkRemovalApplication([])).not.toThrow();
  });

  it('blocks simplified deregistration while listed, nothing when not listed', () => {
    expect(ABNORMAL_LIST_EFFECTS.blocks).toEqual(['simplified-deregistration']);
    expect(() => assertNotBlockedByAbnormalList('simplified-deregistration', true)).toThrow(
      /COMPANY_ON_ABNORMAL_LIST/,
    );
    expect(() => assertNotBlockedByAbnormalList('simplified-deregistration', false)).not.toThrow();
  });

  it('moves to the serious-violation list three years after listing', () => {
    expect(seriousListDate('2026-07-01')).toBe('2029-07-01');
  });
});
