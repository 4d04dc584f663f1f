import { type LocalizedText, text } from '../text';
import type { IdentifierKind } from './input';
import type { LicenceIdErrorCode } from './licence-id';
import type { ResidentIdErrorCode } from './resident-id';
import type { UsccErrorCode } from './uscc';

/** One sentence per error code per identifier kind, saying what is wrong and what to do. */

export const usccMessages: Record<UsccErrorCode, LocalizedText> = {
  LENGTH: text('统一社会信用代码应为 18 位', 'A unified social credit code has 18 characters'),
  CHARSET: text(
    '只能包含数字和大写字母（不含 I、O、Z、S、V），请检查是否输入了其他符号',
    'Use only digits and capital letters (never I, O, Z, S or V) — check for stray symbols',
  ),
  LOWERCASE: text('字母须为大写', 'Letters must be capitals'),
  ADMIN_DIVISION_NOT_DIGITS: text(
    '第 3–8 位是行政区划码，只能是数字',
    'Characters 3–8 are the administrative division code and must be digits',
  ),
  CHECK_CHAR: text(
    '第 18 位校验码不正确，请核对代码是否抄错',
    'The check character (18th) is wrong — check the code for a typo',
  ),
  REGISTRATION_AUTHORITY: text(
    '第 1 位登记管理部门代码不能为 0，请核对代码',
    'The first character (registration authority) cannot be 0 — check the code',
  ),
  ORG_CODE_CHECK: text(
    '第 9–17 位组织机构代码的校验位不正确，请核对代码是否抄错',
    'The organization code in characters 9–17 does not check out — check the code for a typo',
  ),
  ENTITY_TYPE: text(
    '第 2 位主体类型代码与登记管理部门不符（市场监管部门“9”下只有 1 企业、2 个体工商户、3 农民专业合作社），请核对代码',
    'The entity type (2nd character) does not exist for this registration authority (under “9” only 1 company, 2 individual business, 3 farmers’ cooperative) — check the code',
  ),
  ADMIN_DIVISION_ZERO: text(
    '第 3–8 位行政区划码不能为 000000，请核对代码',
    'Characters 3–8 (administrative division) cannot be 000000 — check the code',
  ),
};

export const residentIdMessages: Record<ResidentIdErrorCode, LocalizedText> = {
  LENGTH: text('公民身份号码应为 18 位', 'A resident ID number has 18 characters'),
  LEGACY_15_DIGIT: text(
    '这是 15 位的第一代身份证号码，请填写现行的 18 位号码',
    'This is an old 15-digit ID number — enter the current 18-character number',
  ),
  CHARSET: text(
    '前 17 位只能是数字，第 18 位是数字或 X',
    'The first 17 characters must be digits; the 18th is a digit or X',
  ),
  LOWERCASE: text('末位 X 须为大写', 'The final X must be a capital letter'),
  PROVINCE_CODE: text(
    '前两位不是有效的省级行政区代码，请核对号码',
    'The first two digits are not a province code — check the number',
  ),
  BIRTH_DATE_INVALID: text(
    '第 7–14 位出生日期不是有效日期，请核对号码',
    'Characters 7–14 are not a real birth date — check the number',
  ),
  BIRTH_DATE_IN_FUTURE: text(
    '出生日期晚于今天，请核对号码',
    'The birth date is in the future — check the number',
  ),
  CHECK_CHAR: text(
    '第 18 位校验码不正确，请核对号码是否抄错',
    'The check character (18th) is wrong — check the number for a typo',
  ),
};

export const licenceIdMessages: Record<LicenceIdErrorCode, LocalizedText> = {
  FORMAT: text(
    '证照标识格式不正确，应为以点分隔的 10 段，最后一段是 1 位校验码',
    'The licence identifier should be 10 dot-separated parts, the last a single check character',
  ),
  PREFIX: text('证照标识应以 1.2.156.3005.2 开头', 'A licence identifier starts with 1.2.156.3005.2'),
  CHARSET: text(
    '证照类型代码、序号和校验码只能包含数字和大写字母',
    'The type code, serial and check character may contain only digits and capital letters',
  ),
  LOWERCASE: text('字母须为大写', 'Letters must be capitals'),
  ISSUER_USCC: text(
    '第 7 段发证机构统一社会信用代码无效，请核对',
    "The 7th part, the issuer's unified social credit code, is not valid — check it",
  ),
  VERSION: text('版本号应为 3 位数字，例如 001', 'The version must be 3 digits, such as 001'),
  CHECK_CHAR: text(
    '末位校验码不正确，请核对标识是否抄错',
    'The final check character is wrong — check the identifier for a typo',
  ),
};

const BY_KIND: Record<IdentifierKind, Record<string, LocalizedText>> = {
  uscc: usccMessages,
  'resident-id': residentIdMessages,
  'licence-id': licenceIdMessages,
};

/** The sentence for `code` under `kind`; an unknown code gets a generic sentence rather than nothing. */
export const identifierErrorMessage = (kind: IdentifierKind, code: string): LocalizedText =>
  BY_KIND[kind][code] ?? text('号码格式不正确，请核对', 'This number is not valid — check it');
