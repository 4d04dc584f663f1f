import { z } from 'zod';
import { addError, type IdentifierMode, type IdentifierVerdict, prepareInput } from './input';
import { orgCodeCheckCharOf } from './org-code';

/** GB 32100-2015 unified social credit code (统一社会信用代码). */

/** 31 characters valued 0..30 in this order; I, O, Z, S, V never occur. */
export const USCC_CODE_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const UsccErrorCode = z.enum([
  'LENGTH',
  'CHARSET',
  'LOWERCASE',
  'ADMIN_DIVISION_NOT_DIGITS',
  'CHECK_CHAR',
  'REGISTRATION_AUTHORITY',
  'ORG_CODE_CHECK',
  'ENTITY_TYPE',
  'ADMIN_DIVISION_ZERO',
]);
export type UsccErrorCode = z.infer<typeof UsccErrorCode>;

export type UsccDetails = {
  /** Position 1, e.g. '9' market regulation. */
  registrationAuthority?: string;
  /** Position 2, the raw category character; its meaning depends on the authority (see uscc-labels). */
  entityType?: string;
  /** Positions 3–8, GB/T 2260 code of the registering authority. */
  adminDivision?: string;
};

export type UsccVerdict = IdentifierVerdict<UsccErrorCode, UsccDetails>;

const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

const inCodeSet = (c: string): boolean => c.length === 1 && USCC_CODE_SET.includes(c);

/** The 18th character for a 17-character prefix in the code set, or null when it cannot be computed. */
export const usccCheckCharOf = (prefix17: string): string | null => {
  const chars = [...prefix17];
  if (chars.length !== 17 || !chars.every(inCodeSet)) return null;
  const sum = chars.reduce((acc, c, i) => acc + USCC_CODE_SET.indexOf(c) * (WEIGHTS[i] ?? 0), 0);
  return USCC_CODE_SET[(31 - (sum % 31)) % 31] ?? null;
};

/**
 * Entity types (position 2) each registration authority (position 1) may issue, where the product
 * knows the authority's table: GB 32100 allows only 1 企业, 2 个体工商户, 3 农民专业合作社 under `9`
 * (market regulation). Other authorities' categories are not checked (unknown ones stay valid;
 * `usccEntityTypeLabel` returns null for them, which the UI shows as "unrecognised category").
 */
export const USCC_ENTITY_TYPES: Readonly<Record<string, readonly string[]>> = { '9': ['1', '2', '3'] };

/** Checks a USCC and reports every rule it breaks (a wrong length still reports bad characters). */
export const validateUscc = (value: string, mode: IdentifierMode): UsccVerdict => {
  const { normalized, checked, lowercase } = prepareInput(value, mode);
  const errors: UsccErrorCode[] = lowercase ? ['LOWERCASE'] : [];
  const chars = [...checked];
  if (chars.length !== 18) addError(errors, 'LENGTH');
  if (!chars.every(inCodeSet)) addError(errors, 'CHARSET');
  if (chars.length !== 18) return { valid: false, normalized, errors, details: {} };

  // By code point, so positions stay right even if a stray astral character slipped in.
  const part = (from: number, to: number): string => chars.slice(from, to).join('');
  if (chars[0] === '0') addError(errors, 'REGISTRATION_AUTHORITY');
  const division = part(2, 8);
  const allowedTypes = USCC_ENTITY_TYPES[chars[0] ?? ''];
  if (allowedTypes && !allowedTypes.includes(chars[1] ?? '')) addError(errors, 'ENTITY_TYPE');
  if (!/^\d{6}$/.test(division)) addError(errors, 'ADMIN_DIVISION_NOT_DIGITS');
  // 000000 names no registering authority's area: no code is issued there.
  else if (division === '000000') addError(errors, 'ADMIN_DIVISION_ZERO');
  const orgCheck = orgCodeCheckCharOf(part(8, 16));
  if (orgCheck !== null && orgCheck !== chars[16]) addError(errors, 'ORG_CODE_CHECK');
  const check = usccCheckCharOf(part(0, 17));
  // A last character outside the code set is also simply not the check character: report both.
  if (check !== null && check !== chars[17]) addError(errors, 'CHECK_CHAR');

  const valid = errors.length === 0;
  const details: UsccDetails = valid
    ? { registrationAuthority: part(0, 1), entityType: part(1, 2), adminDivision: division }
    : {};
  return { valid, normalized, errors, details };
};
