import { z } from 'zod';
import { DomainError } from '../domain-error';
import { text } from '../text';
import { addError, type IdentifierMode, type IdentifierVerdict, prepareInput } from './input';
import { isMod3736Text, mod3736CheckChar } from './mod37-36';
import { validateUscc } from './uscc';

/**
 * GB/T 36904-2018 e-licence identifier as used by provincial licence libraries:
 * `1.2.156.3005.2.<typeCode>.<issuerUscc>.<serial>.<version, 3 digits>.<check>`, the check being
 * MOD 37,36 over `typeCode + issuerUscc + serial + version`.
 */

export const LICENCE_ID_PREFIX = '1.2.156.3005.2';
const PREFIX_SEGMENTS = LICENCE_ID_PREFIX.split('.').length;
const SEGMENTS = PREFIX_SEGMENTS + 5;

export const LicenceIdErrorCode = z.enum([
  /** Not ten non-empty dot-separated segments, or a check segment longer than one character. */
  'FORMAT',
  /** The first five segments are not 1.2.156.3005.2. */
  'PREFIX',
  /** A character outside 0-9A-Z in the type code, serial or check segment. */
  'CHARSET',
  /** Strict mode only. */
  'LOWERCASE',
  /** The issuer segment is not a valid USCC. */
  'ISSUER_USCC',
  /** The version segment is not exactly three digits. */
  'VERSION',
  'CHECK_CHAR',
]);
export type LicenceIdErrorCode = z.infer<typeof LicenceIdErrorCode>;

export type LicenceIdParts = { typeCode: string; issuerUscc: string; serial: string; version: string };
export type LicenceIdDetails = Partial<LicenceIdParts>;
export type LicenceIdVerdict = IdentifierVerdict<LicenceIdErrorCode, LicenceIdDetails>;

export const validateLicenceId = (value: string, mode: IdentifierMode): LicenceIdVerdict => {
  const { normalized, checked, lowercase } = prepareInput(value, mode);
  const errors: LicenceIdErrorCode[] = lowercase ? ['LOWERCASE'] : [];
  const segments = checked.split('.');
  const [typeCode = '', issuerUscc = '', serial = '', version = '', check = ''] =
    segments.slice(PREFIX_SEGMENTS);
  if (segments.length !== SEGMENTS || segments.some((s) => s === '')) {
    addError(errors, 'FORMAT');
    return { valid: false, normalized, errors, details: {} };
  }

  if (segments.slice(0, PREFIX_SEGMENTS).join('.') !== LICENCE_ID_PREFIX) addError(errors, 'PREFIX');
  if (!isMod3736Text(typeCode) || !isMod3736Text(serial)) addError(errors, 'CHARSET');
  if (!validateUscc(issuerUscc, 'strict').valid) addError(errors, 'ISSUER_USCC');
  if (!/^\d{3}$/.test(version)) addError(errors, 'VERSION');
  if (check.length !== 1) addError(errors, 'FORMAT');
  else if (!isMod3736Text(check)) addError(errors, 'CHARSET');

  const expected = mod3736CheckChar(typeCode + issuerUscc + serial + version);
  if (expected !== null && expected !== check) {
    addError(errors, 'CHECK_CHAR');
  }

  const valid = errors.length === 0;
  return { valid, normalized, errors, details: valid ? { typeCode, issuerUscc, serial, version } : {} };
};

export type BuildLicenceIdInput = { typeCode: string; issuerUscc: string; serial: string; version: number };

const refuse = (field: string, zh: string, en: string): DomainError =>
  new DomainError('INVALID_LICENCE_ID_PART', text(zh, en), { field });

/** Assembles a licence identifier with its check character; throws DomainError on a bad part. */
export const buildLicenceId = ({ typeCode, issuerUscc, serial, version }: BuildLicenceIdInput): string => {
  if (!isMod3736Text(typeCode)) {
    throw refuse(
      'typeCode',
      '证照类型代码只能包含数字和大写字母',
      'The licence type code may contain only digits and capital letters',
    );
  }
  if (!validateUscc(issuerUscc, 'strict').valid) {
    throw refuse(
      'issuerUscc',
      '发证机构统一社会信用代码无效',
      "The issuer's unified social credit code is not valid",
    );
  }
  if (!isMod3736Text(serial)) {
    throw refuse(
      'serial',
      '证照序号只能包含数字和大写字母',
      'The serial may contain only digits and capital letters',
    );
  }
  if (!Number.isInteger(version) || version < 0 || version > 999) {
    throw refuse('version', '版本号应为 0 到 999 的整数', 'The version must be a whole number from 0 to 999');
  }
  const versionText = String(version).padStart(3, '0');
  const check = mod3736CheckChar(typeCode + issuerUscc + serial + versionText);
  // Every part was checked above, so the alphabet holds; reaching this is a programming error.
  if (check === null) throw new Error('buildLicenceId: check character not computable');
  return [LICENCE_ID_PREFIX, typeCode, issuerUscc, serial, versionText, check].join('.');
};
