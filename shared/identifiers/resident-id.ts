import { z } from 'zod';
import { DomainError } from '../domain-error';
import { text } from '../text';
import { compactToIsoDate, isIsoDate } from './calendar-date';
import { chinaToday } from '../time/china';
import { addError, type IdentifierMode, type IdentifierVerdict, prepareInput } from './input';

/** GB 11643-1999 citizen identity number (公民身份号码), 18 characters. */

export const ResidentIdErrorCode = z.enum([
  'LENGTH',
  'LEGACY_15_DIGIT',
  'CHARSET',
  'LOWERCASE',
  'PROVINCE_CODE',
  'BIRTH_DATE_INVALID',
  'BIRTH_DATE_IN_FUTURE',
  'CHECK_CHAR',
]);
export type ResidentIdErrorCode = z.infer<typeof ResidentIdErrorCode>;

export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;

export type ResidentIdDetails = { gender?: Gender; birthDate?: string };
export type ResidentIdVerdict = IdentifierVerdict<ResidentIdErrorCode, ResidentIdDetails>;

const PROVINCE_CODES = new Set([
  ...[11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37],
  ...[41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83],
]);

export const isProvinceCode = (twoDigits: string): boolean =>
  /^\d{2}$/.test(twoDigits) && PROVINCE_CODES.has(Number(twoDigits));

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character for 17 digits, or null when the input is not 17 digits. */
export const residentIdCheckCharOf = (first17: string): string | null => {
  if (!/^\d{17}$/.test(first17)) return null;
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * (WEIGHTS[i] ?? 0), 0);
  return CHECK_CHARS[sum % 11] ?? null;
};

/**
 * The core check with the reference date given explicitly (`asOf`, YYYY-MM-DD) so it is pure.
 * Reports every rule broken; details are filled only for a valid number.
 */
export const checkResidentId = (value: string, mode: IdentifierMode, asOf: string): ResidentIdVerdict => {
  if (!isIsoDate(asOf)) {
    const message = text('参照日期应为 YYYY-MM-DD 格式的有效日期', 'asOf must be a real date as YYYY-MM-DD');
    throw new DomainError('INVALID_AS_OF', message, { field: 'asOf' });
  }
  const { normalized, checked, lowercase } = prepareInput(value, mode);
  const errors: ResidentIdErrorCode[] = lowercase ? ['LOWERCASE'] : [];
  const invalid = (): ResidentIdVerdict => ({ valid: false, normalized, errors, details: {} });

  if (/^\d{15}$/.test(checked)) return { valid: false, normalized, errors: ['LEGACY_15_DIGIT'], details: {} };
  if (checked.length !== 18) {
    addError(errors, 'LENGTH');
    if (!/^[\dX]*$/.test(checked)) addError(errors, 'CHARSET');
    return invalid();
  }
  if (!/^\d{17}[\dX]$/.test(checked)) addError(errors, 'CHARSET');

  const province = checked.slice(0, 2);
  if (/^\d{2}$/.test(province) && !isProvinceCode(province)) addError(errors, 'PROVINCE_CODE');

  const birthDigits = checked.slice(6, 14);
  const birthDate = compactToIsoDate(birthDigits);
  if (/^\d{8}$/.test(birthDigits)) {
    if (birthDate === null) addError(errors, 'BIRTH_DATE_INVALID');
    else if (birthDate > asOf) addError(errors, 'BIRTH_DATE_IN_FUTURE');
  }

  const check = residentIdCheckCharOf(checked.slice(0, 17));
  if (check !== null && check !== checked.slice(17)) addError(errors, 'CHECK_CHAR');

  if (errors.length > 0 || birthDate === null) return invalid();
  const gender: Gender = Number(checked.slice(16, 17)) % 2 === 1 ? 'male' : 'female';
  return { valid: true, normalized, errors, details: { gender, birthDate } };
};

/** `checkResidentId` with `asOf` defaulting to today's date in China. */
export const validateResidentId = (
  value: string,
  mode: IdentifierMode,
  asOf: string = chinaToday(),
): ResidentIdVerdict => checkResidentId(value, mode, asOf);
