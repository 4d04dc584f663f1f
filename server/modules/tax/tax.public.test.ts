import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { DeadlinesResponse } from '../../../shared/calendar/deadlines';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => t.close());

const calc = async (body: unknown, lang?: 'en') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/tax/calculate',
    payload: body as object,
    headers: lang ? { 'x-lang': 'en' } : {},
  });

const q = (year: number, quarter: number) => ({ type: 'quarter', year, quarter });

describe('POST /api/v1/tax/calculate: the published examples of tax.md §7, without signing in', () => {
  const cases: [string, unknown, Record<string, unknown>][] = [
    [
      'Q1 2026 280,000 at 1%: exempt',
      { kind: 'vat-small-scale', period: q(2026, 1), sales: { general1pct: '280000' } },
      { vat: '0.00', exemptSales: '280000.00' },
    ],
    [
      'Q2 2026 320,000 at 1%: whole amount',
      { kind: 'vat-small-scale', period: q(2026, 2), sales: { general1pct: '320000' } },
      { vat: '3200.00' },
    ],
    [
      'Q2 2026 50,000 on 3% special',
      { kind: 'vat-small-scale', period: q(2026, 2), sales: { special3pct: '50000' } },
      { vat: '1500.00' },
    ],
    [
      'Jan 2024 200,000 less 120,000 差额',
      {
        kind: 'vat-small-scale',
        period: { type: 'month', year: 2024, month: 1 },
        sales: { general1pct: '200000' },
        deduction: '120000',
      },
      { thresholdTestSales: '80000.00', vat: '0.00' },
    ],
    [
      '530,000 inclusive at 6%',
      { kind: 'vat-general', inclusiveSalesByRate: { '6': '530000' } },
      { outputTax: '30000.00' },
    ],
    [
      'CIT 2,660,000',
      {
        kind: 'cit-annual',
        taxYear: 2026,
        taxableIncome: '2660000',
        avgHeadcount: 48,
        avgTotalAssets: '12000000',
      },
      { smallLowProfit: true, tax: '133000.00' },
    ],
    [
      'CIT 3,100,000',
      {
        kind: 'cit-annual',
        taxYear: 2026,
        taxableIncome: '3100000',
        avgHeadcount: 48,
        avgTotalAssets: '12000000',
      },
      { smallLowProfit: false, tax: '775000.00' },
    ],
    [
      'CIT 600,000',
      {
        kind: 'cit-annual',
        taxYear: 2026,
        taxableIncome: '600000',
        avgHeadcount: 20,
        avgTotalAssets: '3000000',
      },
      { tax: '30000.00' },
    ],
  ];
  for (const [name, body, expected] of cases) {
    it(name, async () => {
      const res = await calc(body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject(expected);
    });
  }

  it('computes surcharges and a CIT prepayment through the same contract', async () => {
    const s = await calc({
      kind: 'surcharges',
      vatPaid: '3200',
      location: 'urban',
      periodType: 'quarter',
      periodSales: '320000',
      sixTaxesHalf: true,
    });
    expect(s.json()).toMatchObject({
      cityTax: '224.00',
      cityTaxReduction: '112.00',
      eduSurcharge: '96.00',
      localEduSurcharge: '64.00',
      total: '192.00',
    });
    const p = await calc({
      kind: 'cit-prepay',
      taxYear: 2026,
      quarter: 2,
      cumulativeProfit: '400000',
      prepaidThisYear: '5000',
      avgHeadcount: '30',
      avgTotalAssets: '2000000',
    });
    expect(p.json()).toMatchObject({ cumulativeTax: '20000.00', payableThisPeriod: '15000.00' });
  });
});

describe('bad input answers 422 {error:{code,message,field}} and nothing else', () => {
  const refusals: [string, unknown, string, string][] = [
    [
      'negative',
      { kind: 'vat-small-scale', period: q(2026, 1), sales: { general1pct: '-1' } },
      'NEGATIVE_AMOUNT',
      'sales.general1pct',
    ],
    [
      'not a number',
      { kind: 'vat-small-scale', period: q(2026, 1), sales: { general1pct: 'abc' } },
      'INVALID_NUMBER',
      'sales.general1pct',
    ],
    [
      'three decimals',
      { kind: 'vat-general', salesByRate: { '13': '1.005' } },
      'INVALID_NUMBER',
      'salesByRate.13',
    ],
    ['a JSON number', { kind: 'vat-general', inputTax: 12.5 }, 'INVALID_NUMBER', 'inputTax'],
    [
      'a rate that does not exist',
      { kind: 'vat-general', salesByRate: { '17': '100' } },
      'INVALID_RATE',
      'salesByRate.17',
    ],
    [
      'a period after 2027',
      { kind: 'vat-small-scale', period: q(2028, 1) },
      'UNSUPPORTED_PERIOD',
      'period.year',
    ],
    [
      'a half-year period',
      { kind: 'vat-small-scale', period: { type: 'half', year: 2026 } },
      'INVALID_PERIOD_TYPE',
      'period.type',
    ],
    [
      'a made-up location',
      { kind: 'surcharges', vatPaid: '1', location: 'moon', periodType: 'month', periodSales: '1' },
      'INVALID_LOCATION',
      'location',
    ],
    [
      'deduction above sales',
      { kind: 'vat-small-scale', period: q(2025, 1), sales: { general1pct: '10' }, deduction: '11' },
      'DEDUCTION_EXCEEDS_SALES',
      'deduction',
    ],
  ];
  for (const [name, body, code, field] of refusals) {
    it(name, async () => {
      const res = await calc(body);
      expect(res.statusCode).toBe(422);
      const json = res.json();
      expect(Object.keys(json)).toEqual(['error']);
      expect(json.error).toMatchObject({ code, field });
      expect(json.error.message).toMatch(/\S/);
    });
  }

  it('speaks English when asked', async () => {
    const res = await calc(
      { kind: 'vat-small-scale', period: q(2026, 1), sales: { general1pct: '-1' } },
      'en',
    );
    expect(res.json().error.message).toMatch(/must not be negative/);
  });
});

describe('GET /api/v1/tax/deadlines', () => {
  const get = (year: string) => t.app.inject({ method: 'GET', url: `/api/v1/tax/deadlines?year=${year}` });

  it('answers the official 2026 table, without signing in', async () => {
    const res = await get('2026');
    expect(res.statusCode).toBe(200);
    const body = DeadlinesResponse.parse(res.json());
    expect(body).toMatchObject({ year: 2026, source: 'official', published: true });
    expect(body.deadlines[9]).toEqual({ month: 10, date: '2026-10-26' });
    expect(body.deadlines[0]).toEqual({ month: 1, date: '2026-01-20' });
    expect(body.warning).toBeUndefined();
  });

  it('marks a year without a table as not yet published, with a warning in both languages', async () => {
    const body = DeadlinesResponse.parse((await get('2027')).json());
    expect(body.published).toBe(false);
    expect(['computed', 'statutory']).toContain(body.source);
    expect(body.warning?.zh).toMatch(/尚未/);
    expect(body.warning?.en).toMatch(/published yet|not yet published/);
    expect(body.source).toBe('statutory');
    expect(body.deadlines[0]).toEqual({ month: 1, date: '2027-01-15' });
  });

  it('refuses a year that is not a year', async () => {
    for (const bad of ['abc', '20260', '']) {
      const res = await get(bad);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'INVALID_YEAR', field: 'year' });
    }
  });
});
