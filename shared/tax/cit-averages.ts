import { type TaxDecimal, sum } from './money';
import { taxError } from './tax-error';

/**
 * 季度平均值 = (季初值 + 季末值) ÷ 2; the average for the year so far is the mean of the quarters'
 * averages (国家税务总局公告2022年第5号). A company opened mid-year counts only the quarters it
 * operated, so between 1 and `quarter` pairs are accepted. The result is exact, not rounded:
 * eligibility compares the exact figure with the limit.
 */
export const averageOfQuarters = (
  pairs: readonly (readonly [unknown, unknown])[],
  quarter: number,
  field: string,
  parse: (value: unknown, field: string) => TaxDecimal,
): TaxDecimal => {
  if (pairs.length < 1 || pairs.length > quarter) throw taxError('INVALID_NUMBER', field);
  const quarterValues = pairs.map(([start, end], i) =>
    parse(start, `${field}.${i}.0`)
      .plus(parse(end, `${field}.${i}.1`))
      .dividedBy(2),
  );
  return sum(quarterValues).dividedBy(quarterValues.length);
};
