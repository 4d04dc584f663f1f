import { describe, expect, it } from 'vitest';
import {
  AnnualReportContent,
  defaultWithheld,
  isPublished,
  publicItems,
  reportFields,
  Withholdable,
} from './annual-report-fields';
import { sampleContent } from './testing';

describe('annual report fields', () => {
  it('lists every item of the content once, and every withholdable one in the enum', () => {
    expect(reportFields.map((f) => f.key).sort()).toEqual(Object.keys(AnnualReportContent.shape).sort());
    expect(reportFields.filter((f) => f.disclosure !== 'public').map((f) => f.key)).toEqual(
      Withholdable.options,
    );
  });

  it('follows DISC §9: contact, status, investments, contributions, transfers and websites are public', () => {
    const pub = reportFields.filter((f) => f.disclosure === 'public').map((f) => f.key);
    expect(pub).toEqual([
      'address',
      'postcode',
      'phone',
      'email',
      'operatingStatus',
      'websites',
      'investments',
      'shareholders',
      'equityTransfers',
    ]);
    expect(isPublished('address', ['address'])).toBe(true);
  });

  it('withholds social insurance by default and nothing else', () => {
    expect(defaultWithheld()).toEqual(['socialInsurance']);
  });

  it('the public view carries no value for a withheld item', () => {
    const items = publicItems(sampleContent(), ['netProfit', 'socialInsurance']);
    expect(items.find((i) => i.key === 'netProfit')).toEqual({ key: 'netProfit', published: false });
    expect(items.find((i) => i.key === 'totalRevenue')).toEqual({
      key: 'totalRevenue',
      published: true,
      value: '3200000.00',
    });
    expect(JSON.stringify(items)).not.toContain('-20000.50');
  });

  it('accepts a loss but not a negative asset figure; a postcode has 6 digits', () => {
    expect(AnnualReportContent.safeParse(sampleContent()).success).toBe(true);
    expect(AnnualReportContent.safeParse({ ...sampleContent(), totalAssets: '-1' }).success).toBe(false);
    expect(AnnualReportContent.safeParse({ ...sampleContent(), totalAssets: '0.1' }).success).toBe(true);
    expect(AnnualReportContent.safeParse({ ...sampleContent(), postcode: '51062' }).success).toBe(false);
    expect(AnnualReportContent.safeParse({ ...sampleContent(), totalRevenue: '1e6' }).success).toBe(false);
  });
});
