import { describe, expect, it } from 'vitest';
import { formatMoney, moneyIssue, parseMoney, quantityIssue, round2, TaxDecimal } from './money';
import { refusal } from './test-helpers';

describe('money', () => {
  it.each(['0', '0.5', '12.30', '1234567890123456.99', '-0'])('accepts %s', (v) =>
    expect(moneyIssue(v)).toBeNull(),
  );
  it.each([
    [null],
    [undefined],
    [12],
    [''],
    [' 1'],
    ['1.'],
    ['.5'],
    ['1.234'],
    ['1,000'],
    ['1e3'],
    ['NaN'],
    ['12345678901234567'],
  ])('refuses %j as INVALID_NUMBER', (v) => expect(moneyIssue(v)).toBe('INVALID_NUMBER'));
  it('refuses negatives unless allowed', () => {
    expect(moneyIssue('-0.01')).toBe('NEGATIVE_AMOUNT');
    expect(moneyIssue('-0.01', { allowNegative: true })).toBeNull();
  });
  it('counts may be JSON numbers', () => {
    expect(quantityIssue(48)).toBeNull();
    expect(quantityIssue(47.5)).toBeNull();
    expect(quantityIssue(47.125)).toBe('INVALID_NUMBER');
    expect(quantityIssue(Number.NaN)).toBe('INVALID_NUMBER');
  });
  it('rounds half up and formats with exactly two decimals', () => {
    expect(formatMoney(round2(new TaxDecimal('0.005')))).toBe('0.01');
    expect(formatMoney(round2(new TaxDecimal('-0.004')))).toBe('0.00');
    expect(formatMoney(new TaxDecimal('0.1').plus('0.2'))).toBe('0.30');
    expect(formatMoney(new TaxDecimal('1e6'))).toBe('1000000.00');
  });
  it('parseMoney throws the refusal with its field', () => {
    expect(refusal(() => parseMoney('x', 'a.b'))).toMatchObject({ code: 'INVALID_NUMBER', field: 'a.b' });
  });
});
