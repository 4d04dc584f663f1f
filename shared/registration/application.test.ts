import { describe, expect, it } from 'vitest';
import {
  Application,
  ApplicationDraft,
  CapitalStep,
  draftSchemas,
  MoneyAmount,
  Services,
  ServicesStep,
  stepSchemas,
} from './application';
import { bankBranches, banks, branchesOf, findBranch } from './banks';
import { demoApplication } from './demo-application';

describe('application schemas', () => {
  it('accepts the demo application and every step of it', () => {
    const app = demoApplication();
    expect(Application.parse(app)).toEqual(app);
    for (const schema of Object.values(stepSchemas)) expect(schema.safeParse(app).success).toBe(true);
  });

  it('takes money as exact decimal strings with at most 2 decimals, above zero', () => {
    for (const ok of ['1', '0.01', '1000000.00', '9999999999999999.99'])
      expect(MoneyAmount.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0', '0.00', '-1', '1.234', '1e6', '01', '1,000', ' 1', '', '10000000000000000']) {
      expect(MoneyAmount.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('checks shapes: contribution form keys, real dates, Guangdong domicile', () => {
    const app = demoApplication();
    const withForm = (form: string) => ({
      ...app,
      shareholders: [{ ...app.shareholders[0], contribution: { amount: '1', form, dueDate: '2026-01-01' } }],
    });
    for (const f of ['cash', 'in-kind', 'ip', 'land-use-right', 'equity', 'debt']) {
      expect(Application.safeParse(withForm(f)).success, f).toBe(true);
    }
    expect(Application.safeParse(withForm('货币')).success).toBe(false);
    const badDate = {
      ...app.shareholders[0],
      contribution: { amount: '1', form: 'cash', dueDate: '2026-02-30' },
    };
    expect(CapitalStep.safeParse({ registeredCapital: '1', shareholders: [badDate] }).success).toBe(false);
    expect(
      Application.safeParse({ ...app, domicile: { divisionCode: '110105', street: '某路 1 号' } }).success,
    ).toBe(false);
    expect(
      Application.safeParse({ ...app, domicile: { divisionCode: '440300', street: '某路 1 号' } }).success,
    ).toBe(false);
  });

  it('selects every bundled service by default', () => {
    expect(Services.parse({})).toEqual({
      seals: true,
      taxRegistration: { enabled: true, digitalInvoices: true },
      socialInsurance: true,
      housingFund: true,
      bankAccount: { enabled: true },
    });
    expect(ServicesStep.parse({}).services.seals).toBe(true);
    const { services: _services, ...rest } = demoApplication();
    expect(Application.parse(rest).services.taxRegistration.digitalInvoices).toBe(true);
  });

  it('lets drafts hold incomplete, still-being-typed data but not wrong types', () => {
    expect(ApplicationDraft.safeParse({}).success).toBe(true);
    const draft = {
      name: '广州市云',
      registeredCapital: '12.',
      shareholders: [{ kind: 'person', name: '林' }, { contribution: { form: 'ip' } }],
      officers: { people: [{ ref: 'p1' }], governance: { kind: 'board', directors: ['p1'] } },
      services: { bankAccount: { enabled: false } },
    };
    expect(ApplicationDraft.parse(draft)).toEqual(draft);
    for (const schema of Object.values(draftSchemas)) expect(schema.safeParse(draft).success).toBe(true);
    expect(ApplicationDraft.safeParse({ registeredCapital: 12 }).success).toBe(false);
    expect(ApplicationDraft.safeParse({ companyType: 'partnership' }).success).toBe(false);
    expect(Application.safeParse(draft).success).toBe(false);
  });
});

describe('banks', () => {
  it('has banks with Guangdong branches carrying 12-digit codes', () => {
    expect(banks.length).toBeGreaterThanOrEqual(10);
    expect(bankBranches.every((b) => /^\d{12}$/.test(b.code) && b.code.startsWith(b.bankCode))).toBe(true);
    expect(new Set(bankBranches.map((b) => b.code)).size).toBe(bankBranches.length);
    const tianhe = branchesOf('102', '440100').find((b) => b.divisionCode === '440106');
    expect(tianhe?.name).toBe('中国工商银行股份有限公司广州天河支行');
    expect(findBranch(tianhe?.code ?? '')).toEqual(tianhe);
    expect(branchesOf('308', '441900').map((b) => b.name)).toContain('招商银行股份有限公司东莞分行营业部');
  });
});
