import Decimal from 'decimal.js';
import { taxError } from './tax-error';

/**
 * The engine's own Decimal constructor: 40 significant digits is far beyond any amount a return
 * can hold (numeric(18,2)), so intermediate products are exact and only the explicit
 * two-decimal rounding below ever rounds.
 */
export const TaxDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type TaxDecimal = InstanceType<typeof TaxDecimal>;

export const ZERO = new TaxDecimal(0);

/** Up to 16 integer digits keeps every amount inside numeric(18,2). */
const MONEY_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/;

export type MoneyIssue = 'INVALID_NUMBER' | 'NEGATIVE_AMOUNT';

/**
 * Why a value is not an acceptable amount, or null when it is. Only strings are accepted: a JSON
 * number may already have lost digits on its way in.
 */
export const moneyIssue = (value: unknown, options: { allowNegative?: boolean } = {}): MoneyIssue | null => {
  if (typeof value !== 'string' || !MONEY_PATTERN.test(value)) return 'INVALID_NUMBER';
  if (!options.allowNegative && value.startsWith('-') && !new TaxDecimal(value).isZero())
    return 'NEGATIVE_AMOUNT';
  return null;
};

/** Counts (headcount) may arrive as JSON numbers as well as strings; same two-decimal rule. */
export const quantityIssue = (value: unknown): MoneyIssue | null => {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? moneyIssue(String(value)) : 'INVALID_NUMBER';
  }
  return moneyIssue(value);
};

/** Round to fen, half up — the one rounding rule of every computed line. */
export const round2 = (d: TaxDecimal): TaxDecimal => d.toDecimalPlaces(2, TaxDecimal.ROUND_HALF_UP);

/** "1234.50": two decimals, no grouping, never "-0.00". */
export const formatMoney = (d: TaxDecimal): string => {
  const s = round2(d).toFixed(2);
  return s === '-0.00' ? '0.00' : s;
};

export const money = (value: string | number): TaxDecimal => new TaxDecimal(value);

export const sum = (values: readonly TaxDecimal[]): TaxDecimal => values.reduce((a, b) => a.plus(b), ZERO);

export const maxZero = (d: TaxDecimal): TaxDecimal => (d.isNegative() ? ZERO : d);

/** A percentage written as a whole number ("13") as a fraction (0.13), exactly. */
export const percent = (p: string | number): TaxDecimal => new TaxDecimal(p).dividedBy(100);

/** Parse a validated amount or throw the refusal for `field`. */
export const parseMoney = (
  value: unknown,
  field: string,
  options: { allowNegative?: boolean } = {},
): TaxDecimal => {
  const issue = moneyIssue(value, options);
  if (issue !== null || typeof value !== 'string') throw taxError(issue ?? 'INVALID_NUMBER', field);
  return new TaxDecimal(value);
};

/** An optional amount that defaults to zero. */
export const parseOptionalMoney = (value: unknown, field: string): TaxDecimal =>
  value === undefined ? ZERO : parseMoney(value, field);

export const parseQuantity = (value: unknown, field: string): TaxDecimal => {
  const issue = quantityIssue(value);
  if (issue !== null || (typeof value !== 'string' && typeof value !== 'number')) {
    throw taxError(issue ?? 'INVALID_NUMBER', field);
  }
  return new TaxDecimal(String(value));
};
