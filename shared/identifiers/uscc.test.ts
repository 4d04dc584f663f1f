import { describe, expect, it } from 'vitest';
import { USCC_CODE_SET, usccCheckCharOf, validateUscc } from './uscc';
import { usccAuthorityLabel, usccEntityTypeLabel } from './uscc-labels';

describe('usccCheckCharOf', () => {
  it('matches the worked example of the standard: 91350100M000100Y4 → 3', () => {
    expect(usccCheckCharOf('91350100M000100Y4')).toBe('3');
  });
  it('maps a sum divisible by 31 to 0, not to 31', () => {
    // '0'×17 sums to 0 → 31 - 0 = 31 → 0.
    expect(usccCheckCharOf('00000000000000000')).toBe('0');
  });
  it('returns null when the prefix is not 17 code-set characters', () => {
    expect(usccCheckCharOf('9135010')).toBeNull();
    expect(usccCheckCharOf('91350100M000100I4')).toBeNull();
  });
  it('uses the 31-character code set without I O Z S V', () => {
    expect(USCC_CODE_SET).toHaveLength(31);
    expect(USCC_CODE_SET).not.toMatch(/[IOZSV]/);
  });
});

describe('validateUscc — examples from the domain doc', () => {
  it.each(['91350100M000100Y43', '914403001922038216', '9144030071526726XG'])('%s is valid', (code) => {
    const v = validateUscc(code, 'strict');
    expect(v).toEqual({ valid: true, normalized: code, errors: [], details: expect.any(Object) });
  });
  it('rejects 91350100M000100Y4Z: Z is outside the code set and is not the check character', () => {
    expect(validateUscc('91350100M000100Y4Z', 'strict').errors).toEqual(['CHARSET', 'CHECK_CHAR']);
  });
  it('rejects the real but non-conforming Fujian pilot code 91350100M0001TGQXM', () => {
    const v = validateUscc('91350100M0001TGQXM', 'normalized');
    expect(v.valid).toBe(false);
    expect(v.errors).toEqual(['CHECK_CHAR']);
  });
  it('lowercase: invalid in strict mode (LOWERCASE only), valid in normalized mode', () => {
    expect(validateUscc('9144030071526726xg', 'strict')).toEqual({
      valid: false,
      normalized: '9144030071526726xg',
      errors: ['LOWERCASE'],
      details: {},
    });
    const n = validateUscc('9144030071526726xg', 'normalized');
    expect(n.valid).toBe(true);
    expect(n.normalized).toBe('9144030071526726XG');
  });
});

describe('validateUscc — details', () => {
  it('reports authority, entity type and division of a valid code', () => {
    expect(validateUscc('914403001922038216', 'strict').details).toEqual({
      registrationAuthority: '9',
      entityType: '1',
      adminDivision: '440300',
    });
  });
  it('gives no details for an invalid code', () => {
    expect(validateUscc('914403001922038217', 'strict').details).toEqual({});
  });
  it('refuses an entity type that authority 9 does not issue, even when the checks hold (GB 32100)', () => {
    // 94 + Huawei's remaining prefix, with the check recomputed.
    const prefix = '94440300192203821';
    const code = prefix + (usccCheckCharOf(prefix) ?? '');
    expect(validateUscc(code, 'strict')).toMatchObject({ valid: false, errors: ['ENTITY_TYPE'] });
    expect(usccEntityTypeLabel('9', '4')).toBeNull();
  });
});

describe('validateUscc — each rule', () => {
  const withCheck = (prefix: string): string => prefix + (usccCheckCharOf(prefix) ?? '?');

  it('LENGTH for too short, too long and empty', () => {
    expect(validateUscc('9144030019220382', 'strict').errors).toEqual(['LENGTH']);
    expect(validateUscc('9144030019220382160', 'strict').errors).toEqual(['LENGTH']);
    expect(validateUscc('', 'normalized').errors).toEqual(['LENGTH']);
  });
  it('LENGTH and CHARSET together when a short value also has a bad character', () => {
    expect(validateUscc('91440300I', 'strict').errors).toEqual(['LENGTH', 'CHARSET']);
  });
  it('CHARSET for the excluded letters I O Z S V and for symbols', () => {
    // A GB 11714 body may hold I O Z S V (with these check chars), yet the USCC may not.
    const bodies = { I: 'I92203825', O: 'O92203829', Z: 'Z92203829', S: 'S92203828', V: 'V9220382X' };
    for (const body of Object.values(bodies)) {
      expect(validateUscc(`91440300${body}6`, 'strict').errors).toEqual(['CHARSET']);
    }
    for (const bad of ['I', 'O', 'Z', 'S', 'V', '*']) {
      expect(validateUscc(`91440300192203821${bad}`, 'strict').errors).toEqual(['CHARSET', 'CHECK_CHAR']);
    }
  });
  it('strict mode does not strip spaces: LENGTH + CHARSET', () => {
    expect(validateUscc(' 914403001922038216', 'strict').errors).toEqual(['LENGTH', 'CHARSET']);
  });
  it('REGISTRATION_AUTHORITY only for 0; other code-set characters are accepted', () => {
    expect(validateUscc(withCheck('01440300192203821'), 'strict').errors).toEqual(['REGISTRATION_AUTHORITY']);
    for (const a of ['1', '5', 'Y', 'A', 'G']) {
      expect(validateUscc(withCheck(`${a}1440300192203821`), 'strict').valid).toBe(true);
    }
  });
  it('ENTITY_TYPE: under authority 9 only 1, 2 and 3; other authorities are not checked', () => {
    for (const e of ['1', '2', '3'])
      expect(validateUscc(withCheck(`9${e}440300192203821`), 'strict').valid).toBe(true);
    for (const e of ['0', '4', '9', 'A', 'Y'])
      expect(validateUscc(withCheck(`9${e}440300192203821`), 'strict').errors).toEqual(['ENTITY_TYPE']);
    expect(validateUscc(withCheck('5A440300192203821'), 'strict').valid).toBe(true);
  });
  it('ADMIN_DIVISION_ZERO for division 000000', () => {
    expect(validateUscc(withCheck('91000000192203821'), 'strict').errors).toEqual(['ADMIN_DIVISION_ZERO']);
  });
  it('ADMIN_DIVISION_NOT_DIGITS when positions 3–8 hold a letter', () => {
    expect(validateUscc(withCheck('9144A300192203821'), 'strict').errors).toEqual([
      'ADMIN_DIVISION_NOT_DIGITS',
    ]);
  });
  it('ORG_CODE_CHECK when the embedded organization code does not check out', () => {
    expect(validateUscc(withCheck('914403001922038221'.slice(0, 17)), 'strict').errors).toEqual([
      'ORG_CODE_CHECK',
    ]);
  });
  it('collects several errors at once', () => {
    expect(validateUscc('0144A3001922038229', 'strict').errors).toEqual([
      'REGISTRATION_AUTHORITY',
      'ADMIN_DIVISION_NOT_DIGITS',
      'ORG_CODE_CHECK',
      'CHECK_CHAR',
    ]);
  });
  it('lowercase plus another error in strict mode reports both', () => {
    expect(validateUscc('9144030071526726xz', 'strict').errors).toEqual([
      'LOWERCASE',
      'CHARSET',
      'CHECK_CHAR',
    ]);
  });
  it('normalized mode strips spaces, hyphens and surrounding whitespace', () => {
    const v = validateUscc('  9144-0300-7152-6726 xg\t', 'normalized');
    expect(v).toMatchObject({ valid: true, normalized: '9144030071526726XG' });
  });
  it('does not fold non-ASCII look-alikes into ASCII letters', () => {
    // U+0131 dotless i upper-cases to I in Unicode; it must stay a bad character.
    expect(validateUscc('9144030071526726\u0131G', 'normalized').errors).toContain('CHARSET');
  });
});

describe('uscc labels', () => {
  it('names the doc-confirmed authorities and categories', () => {
    expect(usccAuthorityLabel('9')?.zh).toBe('市场监督管理');
    expect(usccAuthorityLabel('2')).toBeNull();
    expect(usccEntityTypeLabel('9', '2')?.zh).toBe('个体工商户');
    expect(usccEntityTypeLabel('5', '1')).toBeNull();
  });
});
