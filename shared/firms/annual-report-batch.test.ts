import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { completeReport, missingItems } from './annual-report-batch';
import type { AnnualReportContent } from '../lifecycle/annual-report-fields';

const prefill: Partial<AnnualReportContent> = {
  address: '广东省广州市天河区某路 1 号',
  postcode: '510000',
  phone: '020-38881001',
  email: 'office@example.cn',
  operatingStatus: 'operating',
  websites: [],
  investments: [],
  shareholders: [],
  equityTransfers: [],
  totalTaxPaid: '1200.00',
};
const figures: Partial<AnnualReportContent> = {
  headcount: 3,
  totalAssets: '100000.00',
  totalLiabilities: '0',
  guaranteesGiven: '0',
  ownersEquity: '100000.00',
  totalRevenue: '50000.00',
  mainBusinessRevenue: '50000.00',
  totalProfit: '-2000.00',
  netProfit: '-2000.00',
  socialInsurance: { pension: 3, unemployment: 3, medical: 3, workInjury: 3, maternity: 3 },
};

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, field: e.field, zh: e.text.zh };
    throw e;
  }
  throw new Error('not refused');
};

describe('a batch client’s report: prefill plus what the firm supplies', () => {
  it('lists what is missing in the order of the form', () => {
    expect(missingItems(prefill)).toEqual([
      'headcount',
      'totalAssets',
      'totalLiabilities',
      'guaranteesGiven',
      'ownersEquity',
      'totalRevenue',
      'mainBusinessRevenue',
      'totalProfit',
      'netProfit',
      'socialInsurance',
    ]);
    expect(missingItems({ ...prefill, ...figures })).toEqual([]);
  });

  it('refuses a client with an item still missing, naming the first one', () => {
    const { headcount: _, ...rest } = figures;
    expect(refusal(() => completeReport(prefill, rest, 'items.3.supplied'))).toEqual({
      code: 'ANNUAL_REPORT_INCOMPLETE',
      field: 'items.3.supplied.headcount',
      zh: '尚缺 从业人数，请补充或不选该客户。',
    });
  });

  it('refuses an invalid supplied item with its path', () => {
    expect(
      refusal(() => completeReport(prefill, { ...figures, totalAssets: '-5' }, 'items.0.supplied')),
    ).toMatchObject({ code: 'ANNUAL_REPORT_ITEM_INVALID', field: 'items.0.supplied.totalAssets' });
  });

  it('lays supplied items over the prefill', () => {
    const r = completeReport(prefill, { ...figures, phone: '020-12345678' }, 'x');
    expect(r.phone).toBe('020-12345678');
    expect(r.totalTaxPaid).toBe('1200.00');
    expect(r.netProfit).toBe('-2000.00');
  });
});
