import { DomainError } from '../domain-error';
import { type LocalizedText, text } from '../text';

/** Every refusal the engine can give (tax.md §5), plus INVALID_REQUEST for a malformed shape. */
export const TAX_ERROR_CODES = [
  'NEGATIVE_AMOUNT',
  'INVALID_NUMBER',
  'INVALID_PERIOD_TYPE',
  'UNSUPPORTED_PERIOD',
  'UNSUPPORTED_ITEM',
  'DEDUCTION_EXCEEDS_SALES',
  'INVALID_LOCATION',
  'INVALID_RATE',
  'INVALID_REQUEST',
] as const;
export type TaxErrorCode = (typeof TAX_ERROR_CODES)[number];

export const isTaxErrorCode = (s: string): s is TaxErrorCode =>
  (TAX_ERROR_CODES as readonly string[]).includes(s);

const messages: Record<TaxErrorCode, (field: string) => LocalizedText> = {
  NEGATIVE_AMOUNT: (f) =>
    text(
      `${f} 不能为负数；负数销售额请通过红字发票或更正申报处理`,
      `${f} must not be negative; negative sales go through a red-letter invoice or a corrected return`,
    ),
  INVALID_NUMBER: (f) =>
    text(
      `${f} 应为数字字符串，最多两位小数（如 "1234.56"）`,
      `${f} must be a number written as a string with at most 2 decimals (e.g. "1234.56")`,
    ),
  INVALID_PERIOD_TYPE: (f) =>
    text(`${f} 应为 "month"（按月）或 "quarter"（按季）`, `${f} must be "month" or "quarter"`),
  UNSUPPORTED_PERIOD: (f) =>
    text(
      `${f}：仅支持 2023 年 1 月至 2027 年 12 月的税款所属期，现行优惠政策于 2027-12-31 到期`,
      `${f}: only tax periods from 2023-01 to 2027-12 are supported; the current reliefs end on 2027-12-31`,
    ),
  UNSUPPORTED_ITEM: (f) =>
    text(`${f}：不支持计算该项目`, `${f}: this item is not supported by the calculation`),
  DEDUCTION_EXCEEDS_SALES: (f) =>
    text(
      `${f}：差额扣除额不能超过销售额`,
      `${f}: the deduction must not exceed the sales it is deducted from`,
    ),
  INVALID_LOCATION: (f) =>
    text(
      `${f} 应为 "urban"（市区）、"county_town"（县城、镇）或 "other"（其他）`,
      `${f} must be "urban", "county_town" or "other"`,
    ),
  INVALID_RATE: (f) =>
    text(
      `${f}：一般纳税人税率只能是 13%、9%、6% 或 0%`,
      `${f}: a general taxpayer's rate must be 13, 9, 6 or 0 percent`,
    ),
  INVALID_REQUEST: (f) =>
    text(`请求格式不正确：${f || '请求体'}`, `The request is malformed at ${f || 'the body'}`),
};

/** A refusal with the dotted path of the offending field. */
export const taxError = (code: TaxErrorCode, field: string, message?: LocalizedText): DomainError =>
  new DomainError(code, message ?? messages[code](field), { field });
