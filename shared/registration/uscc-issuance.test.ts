import { describe, expect, it } from 'vitest';
import { isValidOrgCode } from '../identifiers/org-code';
import { validateUscc } from '../identifiers/uscc';
import { issueUscc, MAX_USCC_SEQUENCE } from './uscc-issuance';

describe('issueUscc', () => {
  it('issues 10,000 unique codes that all validate', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 10_000; seq += 1) {
      const code = issueUscc('440106', seq * 7919);
      const verdict = validateUscc(code, 'strict');
      expect(verdict.valid, code).toBe(true);
      seen.add(code);
    }
    expect(seen.size).toBe(10_000);
  });

  it('has authority 9, type 1, the division and a fresh GB 11714 organization code', () => {
    const code = issueUscc('440305', 0);
    expect(code).toMatch(/^91440305MA[0-9A-HJ-NP-RTUWXY]{6}[0-9X][0-9A-HJ-NP-RTUWXY]$/);
    expect(isValidOrgCode(code.slice(8, 17))).toBe(true);
    expect(validateUscc(code, 'strict').details).toEqual({
      registrationAuthority: '9',
      entityType: '1',
      adminDivision: '440305',
    });
    expect(issueUscc('440305', 1)).not.toBe(code);
    expect(validateUscc(issueUscc('440305', MAX_USCC_SEQUENCE), 'strict').valid).toBe(true);
  });

  it('refuses a bad division or sequence', () => {
    expect(() => issueUscc('4403', 1)).toThrow(/INVALID_DIVISION/);
    expect(() => issueUscc('440305', -1)).toThrow(/USCC_SEQUENCE_EXHAUSTED/);
    expect(() => issueUscc('440305', 1.5)).toThrow(/USCC_SEQUENCE_EXHAUSTED/);
    expect(() => issueUscc('440305', MAX_USCC_SEQUENCE + 1)).toThrow(/USCC_SEQUENCE_EXHAUSTED/);
  });
});
