import { describe, expect, it } from 'vitest';
import { isValidOrgCode, orgCodeCheckCharOf } from './org-code';

describe('GB 11714 organization code check', () => {
  it('computes the check characters embedded in the doc examples', () => {
    expect(orgCodeCheckCharOf('M000100Y')).toBe('4');
    expect(orgCodeCheckCharOf('19220382')).toBe('1');
    expect(orgCodeCheckCharOf('71526726')).toBe('X'); // 11 - Σ mod 11 = 10 → X
  });
  it('maps 11 to 0', () => {
    // Σ = 0 → 11 - 0 = 11 → '0'.
    expect(orgCodeCheckCharOf('00000000')).toBe('0');
  });
  it('values letters A..Z as 10..35, including those the USCC excludes', () => {
    // Z = 35: 35·3 = 105, 105 mod 11 = 6 → 5.
    expect(orgCodeCheckCharOf('Z0000000')).toBe('5');
  });
  it('refuses malformed bodies', () => {
    expect(orgCodeCheckCharOf('1922038')).toBeNull();
    expect(orgCodeCheckCharOf('1922038a')).toBeNull();
    expect(orgCodeCheckCharOf('1922-382')).toBeNull();
  });
  it('verifies complete codes', () => {
    expect(isValidOrgCode('192203821')).toBe(true);
    expect(isValidOrgCode('71526726X')).toBe(true);
    expect(isValidOrgCode('192203822')).toBe(false);
    expect(isValidOrgCode('19220382')).toBe(false);
  });
});
