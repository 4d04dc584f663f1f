import { DomainError } from '../domain-error';
import { text } from '../text';
import { compactToIsoDate } from './calendar-date';
import { orgCodeCheckCharOf } from './org-code';
import { type Gender, isProvinceCode, residentIdCheckCharOf } from './resident-id';
import { intBetween, seededRandom } from './seeded-random';
import { USCC_CODE_SET, usccCheckCharOf } from './uscc';

/** Builders for valid identifiers: check characters, complete numbers and deterministic demo data. */

const refuse = (field: string, zh: string, en: string): DomainError =>
  new DomainError('INVALID_IDENTIFIER_PART', text(zh, en), { field });

const inCodeSet = (s: string, length: number): boolean =>
  s.length === length && [...s].every((c) => USCC_CODE_SET.includes(c));

export const usccCheckChar = (prefix17: string): string => {
  const c = usccCheckCharOf(prefix17);
  if (c === null) {
    throw refuse(
      'prefix17',
      '应为 17 位统一社会信用代码字符',
      'Expected 17 characters from the USCC code set',
    );
  }
  return c;
};

export const orgCodeCheckChar = (body8: string): string => {
  const c = orgCodeCheckCharOf(body8);
  if (c === null) throw refuse('body8', '应为 8 位数字或大写字母', 'Expected 8 digits or capital letters');
  return c;
};

export const residentIdCheckChar = (first17: string): string => {
  const c = residentIdCheckCharOf(first17);
  if (c === null) throw refuse('first17', '应为 17 位数字', 'Expected 17 digits');
  return c;
};

export type MakeUsccInput = {
  /** Position 1; any code-set character except '0'. Default '9' (market regulation). */
  authority?: string;
  /** Position 2; any code-set character. Default '1' (enterprise, under '9'). */
  entityType?: string;
  /** Six digits (GB/T 2260). */
  division: string;
  /** Eight characters from the USCC code set (0-9, A-Z without I O Z S V) so the code stays in it. */
  orgBody: string;
};

export const makeUscc = ({ authority = '9', entityType = '1', division, orgBody }: MakeUsccInput): string => {
  if (!inCodeSet(authority, 1) || authority === '0') {
    throw refuse('authority', '登记管理部门代码无效', 'Invalid registration authority character');
  }
  if (!inCodeSet(entityType, 1))
    throw refuse('entityType', '机构类别代码无效', 'Invalid entity type character');
  if (!/^\d{6}$/.test(division))
    throw refuse('division', '行政区划码应为 6 位数字', 'The division must be 6 digits');
  if (!inCodeSet(orgBody, 8)) {
    throw refuse(
      'orgBody',
      '组织机构代码本体应为 8 位，不含 I、O、Z、S、V',
      'The org body must be 8 code-set characters',
    );
  }
  // The org check character is a digit or X, both in the USCC code set.
  const prefix = authority + entityType + division + orgBody + orgCodeCheckChar(orgBody);
  return prefix + usccCheckChar(prefix);
};

export type MakeResidentIdInput = {
  /** Six digits whose first two are a province-level code. */
  division: string;
  /** YYYYMMDD, a real date. Whether it lies in the future is the validator's business. */
  birthDate: string;
  /** 0..999; odd = male, even = female. */
  sequence: number;
};

export const makeResidentId = ({ division, birthDate, sequence }: MakeResidentIdInput): string => {
  if (!/^\d{6}$/.test(division) || !isProvinceCode(division.slice(0, 2))) {
    throw refuse(
      'division',
      '地址码应为 6 位数字且以省级代码开头',
      'The division must be 6 digits starting with a province code',
    );
  }
  if (compactToIsoDate(birthDate) === null) {
    throw refuse(
      'birthDate',
      '出生日期应为有效的 YYYYMMDD',
      'The birth date must be a real date as YYYYMMDD',
    );
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw refuse(
      'sequence',
      '顺序码应为 0 到 999 的整数',
      'The sequence must be a whole number from 0 to 999',
    );
  }
  const first17 = division + birthDate + String(sequence).padStart(3, '0');
  return first17 + residentIdCheckChar(first17);
};

const DEMO_DIVISIONS = [
  '110105',
  '310115',
  '440305',
  '440106',
  '330106',
  '510107',
  '420106',
  '320102',
] as const;
const DAY_MS = 86_400_000;
// Demo people are born 1950-01-01 .. 2005-12-31: adults, and never "in the future" whenever run.
const FIRST_BIRTH = Date.UTC(1950, 0, 1);
const LAST_BIRTH = Date.UTC(2005, 11, 31);

export type SyntheticResidentIdOptions = { division?: string; gender?: Gender; birthDate?: string };

/** A valid resident ID that depends only on `seed` and `opts`, for invented demo people. */
export const syntheticResidentId = (seed: number, opts: SyntheticResidentIdOptions = {}): string => {
  const next = seededRandom(seed);
  const division =
    opts.division ?? DEMO_DIVISIONS[intBetween(next, 0, DEMO_DIVISIONS.length - 1)] ?? '110105';
  const day = intBetween(next, 0, (LAST_BIRTH - FIRST_BIRTH) / DAY_MS);
  const birthDate =
    opts.birthDate ?? new Date(FIRST_BIRTH + day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
  let sequence = intBetween(next, 0, 999);
  const wantOdd = opts.gender === undefined ? sequence % 2 === 1 : opts.gender === 'male';
  if ((sequence % 2 === 1) !== wantOdd) sequence = sequence === 999 ? 998 : sequence + 1;
  return makeResidentId({ division, birthDate, sequence });
};

/** A valid enterprise USCC (authority 9, type 1) that depends only on `seed` and `division`. */
export const syntheticUscc = (seed: number, division: string): string => {
  const next = seededRandom(seed);
  const orgBody = Array.from({ length: 8 }, () =>
    USCC_CODE_SET.charAt(intBetween(next, 0, USCC_CODE_SET.length - 1)),
  ).join('');
  return makeUscc({ division, orgBody });
};
