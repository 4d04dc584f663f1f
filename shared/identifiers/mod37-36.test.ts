import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOD37_36_ALPHABET, mod3736CheckChar, mod3736Verify } from './mod37-36';

const PUBLISHED_DATA = '11100000000013338W011' + '11430000006122244L' + '20230000403' + '001';

describe('ISO/IEC 7064 MOD 37,36', () => {
  it('reproduces the check character of the published e-licence identifier', () => {
    expect(mod3736CheckChar(PUBLISHED_DATA)).toBe('U');
    expect(mod3736Verify(`${PUBLISHED_DATA}U`)).toBe(true);
    expect(mod3736Verify(`${PUBLISHED_DATA}V`)).toBe(false);
  });
  it('hand-computed small cases', () => {
    // '0': s = 36 → p = 72 mod 37 = 35 → check = (37 - 35) mod 36 = 2.
    expect(mod3736CheckChar('0')).toBe('2');
    // 'Z' (35): s = (36+35) mod 36 = 35 → p = 70 mod 37 = 33 → check = 4.
    expect(mod3736CheckChar('Z')).toBe('4');
  });
  it('refuses text outside 0-9A-Z and empty text', () => {
    expect(mod3736CheckChar('')).toBeNull();
    expect(mod3736CheckChar('abc')).toBeNull();
    expect(mod3736CheckChar('A.B')).toBeNull();
    expect(mod3736Verify('U')).toBe(false);
  });
  it('detects every single-character substitution', () => {
    const char = fc.constantFrom(...MOD37_36_ALPHABET);
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 1, maxLength: 40 }),
        fc.nat(),
        char,
        (chars, pos, replacement) => {
          const data = chars.join('');
          const full = data + (mod3736CheckChar(data) ?? '');
          const i = pos % full.length;
          fc.pre(full[i] !== replacement);
          const changed = full.slice(0, i) + replacement + full.slice(i + 1);
          expect(mod3736Verify(full)).toBe(true);
          expect(mod3736Verify(changed)).toBe(false);
        },
      ),
    );
  });
});
