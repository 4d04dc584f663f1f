import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { ReturnDetail } from '../../../shared/api/tax';
import { caller, companyIdOf, DEMO_NOW, expectError } from '../../test/tax-support';

let t: TestApp;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  t = await createTestApp({ now: () => DEMO_NOW });
  api = caller(t);
});
afterAll(async () => t.close());

describe('general VAT with surcharges (深圳市启明贸易, monthly)', () => {
  it('files October: output 130,000 less input 80,000, surcharges in full', async () => {
    const qiming = await companyIdOf(t, 'qiming-trade');
    const res = await api.post('wang', `/api/v1/companies/${qiming}/tax/returns`, {
      period: { type: 'month', year: 2026, month: 10 },
      input: {
        form: 'vat-general',
        salesByRate: { '13': '1000000' },
        inclusiveSalesByRate: {},
        inputTax: '80000',
        sixTaxesHalf: false,
      },
      confirmedTotal: '56000.00',
    });
    expect(res.statusCode).toBe(201);
    const d = ReturnDetail.parse(res.json());
    expect(d.computation?.vat).toMatchObject({ outputTax: '130000.00', vatPayable: '50000.00' });
    expect(d.computation?.surcharges).toMatchObject({
      cityTax: '3500.00',
      eduSurcharge: '1500.00',
      localEduSurcharge: '1000.00',
      total: '6000.00',
    });
    expect(d).toMatchObject({ totalPayable: '56000.00', dueDate: '2026-11-16', late: true });
    expect(d.computation?.lines.map((l) => l.code)).toEqual([
      'sales-total',
      'output-tax',
      'input-tax',
      'vat',
      'credit-carried-forward',
      'city-tax',
      'edu',
      'local-edu',
    ]);
  });

  it('refuses a rate general taxpayers do not have', async () => {
    const qiming = await companyIdOf(t, 'qiming-trade');
    const res = await api.post('wang', `/api/v1/companies/${qiming}/tax/returns`, {
      period: { type: 'month', year: 2026, month: 9 },
      input: {
        form: 'vat-general',
        salesByRate: { '3': '100' },
        inclusiveSalesByRate: {},
        sixTaxesHalf: false,
      },
      confirmedTotal: '0.00',
    });
    expectError(res, 422, 'INVALID_RATE');
    expect(res.json().error.field).toBe('salesByRate.3');
  });
});

describe('CIT quarterly prepayment with headcount and assets', () => {
  const pairs = (q: number, a: string, b: string): [string, string][] =>
    Array.from({ length: q }, () => [a, b]);
  const cit = (quarter: number, profit: string) => ({
    form: 'cit-prepay',
    cumulativeProfit: profit,
    headcountByQuarter: pairs(quarter, '20', '24'),
    assetsByQuarter: pairs(quarter, '3000000', '3200000'),
    restrictedIndustry: false,
  });

  it('Q2 then Q3: the platform counts what Q2 already prepaid', async () => {
    const tech = await companyIdOf(t, 'yunfan-tech');
    const url = `/api/v1/companies/${tech}/tax/returns`;
    const q2 = await api.post('chen', url, {
      period: { type: 'quarter', year: 2026, quarter: 2 },
      input: cit(2, '300000'),
      confirmedTotal: '15000.00',
    });
    expect(q2.statusCode).toBe(201);
    expect(q2.json().computation.cit).toMatchObject({
      smallLowProfit: true,
      avgHeadcount: '22.00',
      cumulativeTax: '15000.00',
    });

    const prefill = await api.get(
      'chen',
      `/api/v1/companies/${tech}/tax/prefill?form=cit-prepay&periodKey=2026-Q3`,
    );
    expect(prefill.json()).toMatchObject({ facts: { prepaidOnPlatform: '15000.00' } });
    expect(prefill.json().input.headcountByQuarter).toEqual([
      ['20', '24'],
      ['20', '24'],
      ['', ''],
    ]);

    const q3 = await api.post('chen', url, {
      period: { type: 'quarter', year: 2026, quarter: 3 },
      input: cit(3, '600000'),
      confirmedTotal: '15000.00',
    });
    expect(q3.statusCode).toBe(201);
    const d = ReturnDetail.parse(q3.json());
    expect(d.computation?.cit).toMatchObject({ cumulativeTax: '30000.00', payableThisPeriod: '15000.00' });
    expect(d.computation?.reliefs.map((r) => r.code)).toContain('SMALL_LOW_PROFIT');
  });

  it('refuses a monthly CIT prepayment and a negative headcount', async () => {
    const food = await companyIdOf(t, 'yunfan-food');
    const url = `/api/v1/companies/${food}/tax/returns`;
    expectError(
      await api.post('chen', url, {
        period: { type: 'month', year: 2026, month: 9 },
        input: cit(1, '1'),
        confirmedTotal: '0.00',
      }),
      422,
      'WRONG_PERIOD_TYPE',
    );
    const bad = {
      ...cit(3, '100'),
      headcountByQuarter: [
        ['20', '-1'],
        ['1', '1'],
        ['1', '1'],
      ],
    };
    const res = await api.post('chen', url, {
      period: { type: 'quarter', year: 2026, quarter: 3 },
      input: bad,
      confirmedTotal: '0.00',
    });
    expectError(res, 422, 'NEGATIVE_AMOUNT');
    expect(res.json().error.field).toBe('headcountByQuarter.0.1');
  });
});

describe('a nil return never overwrites a draft', () => {
  it('refuses DRAFT_IN_PROGRESS while a draft of the period exists', async () => {
    const food = await companyIdOf(t, 'yunfan-food');
    const period = { type: 'quarter', year: 2026, quarter: 3 };
    const draft = await api.put('chen', `/api/v1/companies/${food}/tax/drafts`, {
      period,
      input: { form: 'vat-small-scale', sales: { general1pct: '12000' } },
    });
    expect(draft.statusCode).toBe(200);
    expectError(
      await api.post('chen', `/api/v1/companies/${food}/tax/zero-returns`, { period }),
      409,
      'DRAFT_IN_PROGRESS',
    );
  });
});
