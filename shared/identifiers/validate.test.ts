import { describe, expect, it } from 'vitest';
import { validateIdentifier, ValidateIdentifierRequest, ValidateIdentifierResponse } from './validate';

const TODAY = '2024-06-01';

describe('ValidateIdentifierRequest', () => {
  it('defaults mode to normalized', () => {
    expect(ValidateIdentifierRequest.parse({ kind: 'uscc', value: 'x' })).toEqual({
      kind: 'uscc',
      value: 'x',
      mode: 'normalized',
    });
  });
  it.each([
    ['a non-string value', { kind: 'uscc', value: 91440300 }],
    ['a missing value', { kind: 'uscc' }],
    ['an unknown kind', { kind: 'passport', value: 'x' }],
    ['an unknown mode', { kind: 'uscc', value: 'x', mode: 'loose' }],
    ['an unknown field', { kind: 'uscc', value: 'x', extra: true }],
    ['an asOf that is not a real date', { kind: 'resident-id', value: 'x', asOf: '2024-02-30' }],
    ['an asOf in another format', { kind: 'resident-id', value: 'x', asOf: '20240601' }],
  ])('rejects %s', (_, body) => {
    expect(ValidateIdentifierRequest.safeParse(body).success).toBe(false);
  });
});

describe('validateIdentifier', () => {
  it('USCC in normalized mode: normalized value and details', () => {
    const r = validateIdentifier({ kind: 'uscc', value: '9144 0300 7152 6726 xg' }, 'zh', TODAY);
    expect(r).toEqual({
      valid: true,
      normalized: '9144030071526726XG',
      errors: [],
      entityType: '1',
      adminDivision: '440300',
    });
    expect(ValidateIdentifierResponse.parse(r)).toEqual(r);
  });
  it('USCC in strict mode: invalid, normalized null, messages in the requested language', () => {
    const r = validateIdentifier({ kind: 'uscc', value: '9144030071526726xg', mode: 'strict' }, 'en', TODAY);
    expect(r).toEqual({
      valid: false,
      normalized: null,
      errors: [{ code: 'LOWERCASE', message: 'Letters must be capitals' }],
    });
  });
  it('strict mode returns the value itself as normalized when valid', () => {
    const r = validateIdentifier({ kind: 'uscc', value: '914403001922038216', mode: 'strict' }, 'zh', TODAY);
    expect(r.normalized).toBe('914403001922038216');
  });
  it('resident ID: gender and birth date; Chinese message on error', () => {
    expect(validateIdentifier({ kind: 'resident-id', value: '11010519491231002x' }, 'zh', TODAY)).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      errors: [],
      gender: 'female',
      birthDate: '1949-12-31',
    });
    const bad = validateIdentifier({ kind: 'resident-id', value: '110105194912310020' }, 'zh', TODAY);
    expect(bad.errors).toEqual([{ code: 'CHECK_CHAR', message: '第 18 位校验码不正确，请核对号码是否抄错' }]);
    expect(bad).not.toHaveProperty('gender');
  });
  it('resident ID: asOf from the request wins over today', () => {
    const req = { kind: 'resident-id', value: '110105202406020019' } as const;
    expect(validateIdentifier(req, 'en', TODAY).errors.map((e) => e.code)).toEqual(['BIRTH_DATE_IN_FUTURE']);
    expect(validateIdentifier({ ...req, asOf: '2024-06-02' }, 'en', TODAY).valid).toBe(true);
  });
  it('licence identifier: valid without extra details', () => {
    const value = '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U';
    expect(validateIdentifier({ kind: 'licence-id', value }, 'en', TODAY)).toEqual({
      valid: true,
      normalized: value,
      errors: [],
    });
  });
  it('every response satisfies the response schema', () => {
    for (const [kind, value] of [
      ['uscc', ''],
      ['resident-id', '110105491231002'],
      ['licence-id', 'nonsense'],
    ] as const) {
      const r = validateIdentifier({ kind, value }, 'en', TODAY);
      expect(ValidateIdentifierResponse.safeParse(r).success).toBe(true);
      expect(r.valid).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });
});
