import { describe, expect, it } from 'vitest';
import { chineseOrdinal, formatYuan, yuanInWords } from './money-words';

describe('money words', () => {
  it.each([
    ['1000000', '壹佰万元整'],
    ['1000000.00', '壹佰万元整'],
    ['1234.5', '壹仟贰佰叁拾肆元伍角'],
    ['100010', '壹拾万零壹拾元整'],
    ['10.01', '壹拾元零壹分'],
    ['0.05', '伍分'],
    ['1001', '壹仟零壹元整'],
    ['100000000', '壹亿元整'],
    ['20300405.67', '贰仟零叁拾万零肆佰零伍元陆角柒分'],
    ['0', '零元整'],
  ])('%s → %s', (amount, words) => expect(yuanInWords(amount)).toBe(words));

  it('refuses more than two decimals or negatives', () => {
    expect(() => yuanInWords('1.234')).toThrow(RangeError);
    expect(() => yuanInWords('-1')).toThrow(RangeError);
  });

  it('formats amounts and article numbers', () => {
    expect(formatYuan('1234567.5')).toBe('1,234,567.50');
    expect(formatYuan('0.1')).toBe('0.10');
    expect([1, 10, 11, 20, 21, 100, 101, 110].map(chineseOrdinal)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '一百',
      '一百零一',
      '一百一十',
    ]);
  });
});
