import { describe, expect, it } from 'vitest';
import { isProvinceCode, checkResidentId, residentIdCheckCharOf, validateResidentId } from './resident-id';

const AS_OF = '2024-06-01';
const check = (value: string, mode: 'strict' | 'normalized' = 'strict', asOf = AS_OF) =>
  checkResidentId(value, mode, asOf);
const withCheck = (first17: string): string => first17 + (residentIdCheckCharOf(first17) ?? '?');

describe('resident ID — examples from the standard', () => {
  it('11010519491231002X: female, born 1949-12-31', () => {
    expect(check('11010519491231002X')).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      errors: [],
      details: { gender: 'female', birthDate: '1949-12-31' },
    });
  });
  it('440524188001010014: male, born 1880-01-01 (no lower bound on the birth year)', () => {
    expect(check('440524188001010014').details).toEqual({ gender: 'male', birthDate: '1880-01-01' });
  });
  it('lower-case x: LOWERCASE in strict mode, valid in normalized mode', () => {
    expect(check('11010519491231002x').errors).toEqual(['LOWERCASE']);
    expect(check('11010519491231002x', 'normalized')).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
    });
  });
});

describe('resident ID — each rule', () => {
  it('MOD 11-2 maps remainders 0..10 to 1 0 X 9 8 7 6 5 4 3 2', () => {
    expect(residentIdCheckCharOf('11010519491231002')).toBe('X');
    expect(residentIdCheckCharOf('44052418800101001')).toBe('4');
    expect(residentIdCheckCharOf('1101051949123100')).toBeNull();
  });
  it('LEGACY_15_DIGIT for a first-generation number, in both modes', () => {
    expect(check('110105491231002').errors).toEqual(['LEGACY_15_DIGIT']);
    expect(check(' 110105 491231 002 ', 'normalized').errors).toEqual(['LEGACY_15_DIGIT']);
  });
  it('LENGTH for other lengths, with CHARSET when characters are wrong too', () => {
    expect(check('1101051949123100').errors).toEqual(['LENGTH']);
    expect(check('11010519491231002X1').errors).toEqual(['LENGTH']);
    expect(check('').errors).toEqual(['LENGTH']);
    expect(check('11010519A').errors).toEqual(['LENGTH', 'CHARSET']);
  });
  it('CHARSET when X is not last or a letter appears', () => {
    expect(check('X1010519491231002X').errors).toContain('CHARSET');
    expect(check('11010519491231002A').errors).toEqual(['CHARSET', 'CHECK_CHAR']);
  });
  it('PROVINCE_CODE outside the listed province codes', () => {
    expect(check(withCheck('10010519491231002')).errors).toEqual(['PROVINCE_CODE']);
    expect(check(withCheck('99010519491231002')).errors).toEqual(['PROVINCE_CODE']);
    for (const p of [
      '11',
      '15',
      '21',
      '23',
      '31',
      '37',
      '41',
      '46',
      '50',
      '54',
      '61',
      '65',
      '71',
      '81',
      '82',
      '83',
    ]) {
      expect(isProvinceCode(p)).toBe(true);
    }
    for (const p of [
      '16',
      '20',
      '24',
      '30',
      '38',
      '40',
      '47',
      '49',
      '55',
      '60',
      '66',
      '70',
      '72',
      '80',
      '84',
      '1',
    ]) {
      expect(isProvinceCode(p)).toBe(false);
    }
  });
  it('BIRTH_DATE_INVALID for impossible dates; leap years follow the Gregorian rule', () => {
    expect(check(withCheck('11010519000229002')).errors).toEqual(['BIRTH_DATE_INVALID']);
    expect(check(withCheck('11010520000229002')).valid).toBe(true);
    expect(check(withCheck('11010519491331002')).errors).toEqual(['BIRTH_DATE_INVALID']);
    expect(check(withCheck('11010519490431002')).errors).toEqual(['BIRTH_DATE_INVALID']);
    expect(check(withCheck('11010500000101002')).errors).toEqual(['BIRTH_DATE_INVALID']);
  });
  it('BIRTH_DATE_IN_FUTURE after asOf; the asOf day itself is fine', () => {
    expect(check(withCheck('11010520240601002')).valid).toBe(true);
    expect(check(withCheck('11010520240602002')).errors).toEqual(['BIRTH_DATE_IN_FUTURE']);
  });
  it('CHECK_CHAR when the 18th character is wrong', () => {
    expect(check('110105194912310020').errors).toEqual(['CHECK_CHAR']);
    expect(check('440524188001010015').errors).toEqual(['CHECK_CHAR']);
  });
  it('collects several errors', () => {
    expect(check('991105194913310021').errors).toEqual(['PROVINCE_CODE', 'BIRTH_DATE_INVALID', 'CHECK_CHAR']);
  });
  it('refuses an asOf that is not a real date', () => {
    expect(() => check('11010519491231002X', 'strict', '2024-02-30')).toThrow(/asOf/);
  });
});

describe('validateResidentId', () => {
  it('defaults asOf to today, so a birth date far in the future is refused', () => {
    expect(validateResidentId(withCheck('11010599991231002'), 'strict').errors).toEqual([
      'BIRTH_DATE_IN_FUTURE',
    ]);
    expect(validateResidentId('11010519491231002X', 'strict').valid).toBe(true);
  });
  it('honours an explicit asOf', () => {
    expect(validateResidentId(withCheck('11010520240602002'), 'strict', '2024-06-02').valid).toBe(true);
  });
});
