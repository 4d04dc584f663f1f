import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { DueList, type DueItem } from '../../../shared/api/tax';
import { caller, companyIdOf, DEMO_NOW, Q3_2026, smallScaleInput } from '../../test/tax-support';

let t: TestApp;
let api: ReturnType<typeof caller>;
beforeAll(async () => {
  t = await createTestApp({ now: () => DEMO_NOW });
  api = caller(t);
});
afterAll(async () => t.close());

const due = async (who: string, company?: string): Promise<DueItem[]> => {
  const url = company ? `/api/v1/companies/${await companyIdOf(t, company)}/tax/due` : '/api/v1/tax/due';
  const res = await api.get(who, url);
  expect(res.statusCode).toBe(200);
  const body = DueList.parse(res.json());
  expect(body.today).toBe('2026-11-22');
  return body.items;
};

const brief = (i: DueItem) => [i.tax, i.periodKey, i.state, i.dueDate, i.daysLeft, i.sourceOfDate];

describe('what a company must file, by when, and how many days are left', () => {
  it('a quarterly small-scale company: Q3 overdue since the official 26 October, Q4 not yet over', async () => {
    const items = await due('chen', 'yunfan-tech');
    expect(items.map(brief)).toEqual([
      ['vat', '2026-Q3', 'overdue', '2026-10-26', -27, 'official'],
      ['cit-prepay', '2026-Q3', 'overdue', '2026-10-26', -27, 'official'],
      ['vat', '2026-Q4', 'period-open', '2027-01-15', 54, 'statutory'],
      ['cit-prepay', '2026-Q4', 'period-open', '2027-01-15', 54, 'statutory'],
      ['vat', '2027-Q1', 'period-open', '2027-04-15', 144, 'statutory'],
      ['cit-prepay', '2027-Q1', 'period-open', '2027-04-15', 144, 'statutory'],
    ]);
    expect(items[0]).toMatchObject({
      form: 'vat-small-scale',
      zeroFilingOffered: true,
      canFile: true,
      canPay: true,
    });
    expect(items[1]).toMatchObject({ form: 'cit-prepay', zeroFilingOffered: false });
    expect(items[2]?.zeroFilingOffered).toBe(false);
  });

  it('a monthly general taxpayer: October overdue since 16 November, November due on 15 December', async () => {
    const items = await due('wang', 'qiming-trade');
    expect(items.slice(0, 3).map(brief)).toEqual([
      ['cit-prepay', '2026-Q3', 'overdue', '2026-10-26', -27, 'official'],
      ['vat', '2026-10', 'overdue', '2026-11-16', -6, 'official'],
      ['vat', '2026-11', 'period-open', '2026-12-15', 23, 'official'],
    ]);
    expect(items[1]?.form).toBe('vat-general');
  });

  it('across my companies, soonest first, with what I may do', async () => {
    const items = await due('li');
    expect(new Set(items.map((i) => i.companyName)).size).toBe(3);
    expect(items.every((i) => !i.canFile && !i.canPay)).toBe(true);
    const dates = items.map((i) => i.dueDate);
    expect([...dates].sort()).toEqual(dates);
  });

  it('a filed period leaves the list; tax still to pay shows as unpaid until paid', async () => {
    const food = await companyIdOf(t, 'yunfan-food');
    const zero = await api.post('chen', `/api/v1/companies/${food}/tax/zero-returns`, { period: Q3_2026 });
    expect(zero.statusCode).toBe(201);
    const tech = await companyIdOf(t, 'yunfan-tech');
    const filed = await api.post('chen', `/api/v1/companies/${tech}/tax/returns`, {
      period: Q3_2026,
      input: smallScaleInput('320000'),
      confirmedTotal: '3392.00',
    });
    expect(filed.statusCode).toBe(201);
    const items = await due('chen');
    expect(
      items.find((i) => i.companyId === food && i.tax === 'vat' && i.periodKey === '2026-Q3'),
    ).toBeUndefined();
    const unpaid = items.filter((i) => i.state === 'unpaid');
    expect(unpaid).toHaveLength(1);
    expect(unpaid[0]).toMatchObject({
      companyId: tech,
      amountDue: '3392.00',
      dueDate: '2026-11-22',
      daysLeft: 0,
    });
  });

  it('a nil return is idempotent per company and period', async () => {
    const food = await companyIdOf(t, 'yunfan-food');
    const again = await api.post('chen', `/api/v1/companies/${food}/tax/zero-returns`, { period: Q3_2026 });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ version: 1, zeroFiling: true, totalPayable: '0.00', payment: null });
    const returns = (await api.get('chen', `/api/v1/companies/${food}/tax/returns`)).json()
      .returns as unknown[];
    expect(returns).toHaveLength(1);
  });
});
