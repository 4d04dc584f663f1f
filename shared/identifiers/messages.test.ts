import { describe, expect, it } from 'vitest';
import { IdentifierKind } from './input';
import { LicenceIdErrorCode } from './licence-id';
import { identifierErrorMessage, licenceIdMessages, residentIdMessages, usccMessages } from './messages';
import { ResidentIdErrorCode } from './resident-id';
import { UsccErrorCode } from './uscc';

const tables = [
  ['uscc', UsccErrorCode.options, usccMessages],
  ['resident-id', ResidentIdErrorCode.options, residentIdMessages],
  ['licence-id', LicenceIdErrorCode.options, licenceIdMessages],
] as const;

describe('identifier error messages', () => {
  it.each(tables)('%s: every code has a Chinese and an English sentence', (kind, codes, table) => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      const m = identifierErrorMessage(kind, code);
      expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(m.en).toMatch(/^[A-Z]/);
      expect(m.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('covers every kind', () => {
    expect(tables.map(([kind]) => kind)).toEqual(IdentifierKind.options);
  });
  it('uses the wording from the brief for the resident ID check character', () => {
    expect(identifierErrorMessage('resident-id', 'CHECK_CHAR')).toEqual({
      zh: '第 18 位校验码不正确，请核对号码是否抄错',
      en: 'The check character (18th) is wrong — check the number for a typo',
    });
  });
  it('falls back to a generic sentence for an unknown code', () => {
    expect(identifierErrorMessage('uscc', 'NOPE').en).toMatch(/not valid/);
  });
});
