import { execFileSync } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, licences, taxPayments, taxReturns } from '../../db/schema';
import { ReturnDetail } from '../../../shared/api/tax';
import { verifyReturnSignature } from './signature';
import { caller, companyIdOf, DEMO_NOW, expectError, Q3_2026, smallScaleInput } from '../../test/tax-support';

let t: TestApp;
let api: ReturnType<typeof caller>;
let yunfan: string;
beforeAll(async () => {
  t = await createTestApp({ now: () => DEMO_NOW });
  api = caller(t);
  yunfan = await companyIdOf(t, 'yunfan-tech');
});
afterAll(async () => t.close());

const returnsUrl = () => `/api/v1/companies/${yunfan}/tax/returns`;
const submit = (input: unknown, confirmedTotal: string, extra: Record<string, unknown> = {}, key?: string) =>
  api.post('chen', returnsUrl(), { period: Q3_2026, input, confirmedTotal, ...extra }, key);

describe('a quarterly small-scale return: draft → submitted → accepted', () => {
  it('keeps a draft whose figures do not compute yet, and says why', async () => {
    const res = await api.put('chen', `/api/v1/companies/${yunfan}/tax/drafts`, {
      period: Q3_2026,
      input: smallScaleInput('32O000'),
    });
    expect(res.statusCode).toBe(200);
    const d = ReturnDetail.parse(res.json());
    expect(d).toMatchObject({
      status: 'draft',
      version: 1,
      computation: null,
      late: true,
      dueDate: '2026-10-26',
    });
    expect(d.problem).toMatchObject({ code: 'INVALID_NUMBER', field: 'sales.general1pct' });
  });

  it('refuses a total the filer did not see, and keeps the draft', async () => {
    expectError(await submit(smallScaleInput('320000'), '3200.00'), 409, 'COMPUTATION_CHANGED');
    const drafts = await t.ctx.db.select().from(taxReturns).where(eq(taxReturns.companyId, yunfan));
    expect(drafts.map((r) => r.status)).toEqual(['draft']);
  });

  it('never takes figures from the client', async () => {
    const res = await submit(smallScaleInput('320000'), '3392.00', { computation: { totalPayable: '0.00' } });
    expectError(res, 422, 'INVALID_REQUEST');
  });

  it('refuses bad figures with the engine’s codes and fields', async () => {
    const neg = await submit(smallScaleInput('-5'), '0.00');
    expectError(neg, 422, 'NEGATIVE_AMOUNT');
    expect(neg.json().error.field).toBe('sales.general1pct');
    expectError(await submit(smallScaleInput('100.123'), '0.00'), 422, 'INVALID_NUMBER');
    expectError(await submit(smallScaleInput('abc'), '0.00'), 422, 'INVALID_NUMBER');
  });

  it('recomputes, signs with the session, and the simulated bureau accepts it', async () => {
    const key = 'submit-q3-yunfan-0001';
    const res = await submit(smallScaleInput('320000'), '3392.00', {}, key);
    expect(res.statusCode).toBe(201);
    const d = ReturnDetail.parse(res.json());
    expect(d).toMatchObject({
      status: 'accepted',
      version: 1,
      totalPayable: '3392.00',
      late: true,
      zeroFiling: false,
    });
    expect(d.computation?.vat).toMatchObject({ vat: '3200.00' });
    expect(d.computation?.surcharges).toMatchObject({ total: '192.00' });
    expect(d.computation?.reliefs.map((r) => r.code)).toEqual(
      expect.arrayContaining(['THRESHOLD_REACHED', 'REDUCED_RATE_1PCT', 'SIX_TAXES_TWO_FEES_HALF']),
    );
    expect(d.receiptNumber).toMatch(/^SB2026112244\d{8}$/);
    expect(d.submittedAt).toBe(DEMO_NOW.toISOString());
    expect(d.acceptedAt).toBe(DEMO_NOW.toISOString());
    expect(d.signature).toMatchObject({ algorithm: 'HMAC-SM3' });
    expect(d.signature?.value).toMatch(/^[0-9a-f]{64}$/);
    expect(d.filer).toEqual({ name: '陈志明', actingAs: 'legal-representative' });
    expect(d.payment).toMatchObject({ amount: '3392.00', status: 'due', dueDate: '2026-11-22' });
    expect(d.bureauNote?.zh).toMatch(/逾期申报/);
    // The draft became the submission: one row, no leftover draft.
    const rows = await t.ctx.db.select().from(taxReturns).where(eq(taxReturns.companyId, yunfan));
    expect(rows).toHaveLength(1);
    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.companyId, yunfan))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['tax.return.draft', 'tax.return.submit', 'tax.return.accept']),
    );

    const replay = await submit(smallScaleInput('320000'), '3392.00', {}, key);
    expect(replay.headers['idempotent-replay']).toBe('true');
    expect(replay.json().id).toBe(d.id);
  });

  it('the stored signature verifies, and fails once the stored content changes', async () => {
    const [row] = await t.ctx.db.select().from(taxReturns).where(eq(taxReturns.companyId, yunfan));
    if (!row?.signature || !row.computation) throw new Error('no signed return');
    const content = {
      companyId: row.companyId,
      uscc: (await api.get('chen', `/api/v1/companies/${yunfan}`)).json().uscc as string,
      form: row.form,
      period: row.period,
      version: row.version,
      input: row.input,
      facts: row.facts,
      computation: row.computation,
    };
    expect(verifyReturnSignature(t.ctx.config.dataKey, content, row.signature)).toBe(true);
    const tampered = { ...content, computation: { ...row.computation, totalPayable: '0.00' } };
    expect(verifyReturnSignature(t.ctx.config.dataKey, tampered, row.signature)).toBe(false);
  });

  it('refuses a second filing of the period and points to a correction', async () => {
    const res = await submit(smallScaleInput('1'), '0.00');
    expectError(res, 409, 'PERIOD_ALREADY_FILED');
    expect(res.json().error.message).toMatch(/更正申报/);
    expectError(
      await api.get('chen', `/api/v1/companies/${yunfan}/tax/prefill?form=vat-small-scale&periodKey=2026-Q3`),
      409,
      'PERIOD_ALREADY_FILED',
    );
  });

  it('answers a receipt PDF with the shipped Chinese font', async () => {
    const [row] = await t.ctx.db.select().from(taxReturns).where(eq(taxReturns.companyId, yunfan));
    const res = await api.get('chen', `${returnsUrl()}/${row!.id}/receipt.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    try {
      const txt = execFileSync('pdftotext', ['-layout', '-', '-'], { input: res.rawPayload }).toString(
        'utf8',
      );
      expect(txt).toContain('税费申报回执');
      expect(txt).toContain(row!.receiptNumber!);
      expect(txt).toContain('3,392.00');
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'ENOENT')) throw e;
      console.warn('SKIPPED: pdftotext not installed; receipt text not checked');
    }
  });
});

describe('payment (simulated 缴款) and the 税收完税证明', () => {
  it('marks the tax paid with a voucher number and issues the certificate into the licence registry', async () => {
    const [row] = await t.ctx.db.select().from(taxReturns).where(eq(taxReturns.companyId, yunfan));
    const [p] = await t.ctx.db.select().from(taxPayments).where(eq(taxPayments.returnId, row!.id));
    const res = await api.post('chen', `/api/v1/companies/${yunfan}/tax/payments/${p!.id}/pay`, {});
    expect(res.statusCode).toBe(200);
    const d = ReturnDetail.parse(res.json());
    expect(d.payment).toMatchObject({ status: 'paid', amount: '3392.00' });
    expect(d.payment?.voucherNumber).toMatch(/^32026112244\d{8}$/);
    expect(d.payment?.certificate?.number).toMatch(/^WS/);
    const [licence] = await t.ctx.db
      .select()
      .from(licences)
      .where(and(eq(licences.companyId, yunfan), eq(licences.typeKey, 'tax-payment-certificate')));
    expect(licence?.signed.document.fields).toMatchObject({
      amount: '3392.00',
      taxPeriod: '2026-07-01至2026-09-30',
      taxItems: ['增值税', '城市维护建设税', '教育费附加', '地方教育附加'],
    });
    expectError(
      await api.post('chen', `/api/v1/companies/${yunfan}/tax/payments/${p!.id}/pay`, {}),
      409,
      'PAYMENT_ALREADY_PAID',
    );
  });
});

describe('corrections (更正申报) are new versions that keep the history', () => {
  it('files version 2, supersedes version 1 and asks only for the difference', async () => {
    const prefill = await api.get(
      'chen',
      `/api/v1/companies/${yunfan}/tax/prefill?form=vat-small-scale&periodKey=2026-Q3&correction=true`,
    );
    expect(prefill.statusCode).toBe(200);
    expect(prefill.json()).toMatchObject({ inputSource: 'previous-version', corrects: { version: 1 } });
    // 350,000: VAT 3,500.00; surcharges 122.50 + 52.50 + 35.00 = 210.00.
    const res = await submit(smallScaleInput('350000'), '3710.00', { correction: true });
    expect(res.statusCode).toBe(201);
    const d = ReturnDetail.parse(res.json());
    expect(d).toMatchObject({
      version: 2,
      status: 'accepted',
      totalPayable: '3710.00',
      difference: '318.00',
    });
    expect(d.payment).toMatchObject({ amount: '318.00', status: 'due' });
    expect(d.versions.map((v) => [v.version, v.status, v.superseded])).toEqual([
      [1, 'accepted', true],
      [2, 'accepted', false],
    ]);
    const audit = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.companyId, yunfan))).map(
      (a) => a.action,
    );
    expect(audit).toContain('tax.return.correct');
  });

  it('a correction down to less than was paid records the overpayment honestly', async () => {
    const res = await submit(smallScaleInput('280000'), '0.00', { correction: true });
    const d = ReturnDetail.parse(res.json());
    expect(d).toMatchObject({ version: 3, totalPayable: '0.00', difference: '-3710.00', payment: null });
    expect(d.bureauNote?.zh).toMatch(/多缴税费 3,392.00 元/);
    const payments = await t.ctx.db.select().from(taxPayments).where(eq(taxPayments.companyId, yunfan));
    expect(payments.map((p) => p.status).sort()).toEqual(['cancelled', 'paid']);
  });

  it('refuses a correction of a period never filed', async () => {
    const res = await api.post('chen', returnsUrl(), {
      period: { type: 'quarter', year: 2026, quarter: 2 },
      input: smallScaleInput('1'),
      confirmedTotal: '0.00',
      correction: true,
    });
    expectError(res, 409, 'NOTHING_TO_CORRECT');
  });
});

describe('refusals of the filing flow', () => {
  it('PERIOD_NOT_ENDED for the quarter still running', async () => {
    const res = await api.post('chen', returnsUrl(), {
      period: { type: 'quarter', year: 2026, quarter: 4 },
      input: smallScaleInput('1'),
      confirmedTotal: '0.00',
    });
    expectError(res, 422, 'PERIOD_NOT_ENDED');
    expect(res.json().error.field).toBe('period');
  });

  it('WRONG_TAXPAYER_TYPE for the general form on a small-scale company, and the other way round', async () => {
    const general = {
      form: 'vat-general',
      salesByRate: { '13': '100' },
      inclusiveSalesByRate: {},
      sixTaxesHalf: false,
    };
    expectError(await submit(general, '13.00'), 422, 'WRONG_TAXPAYER_TYPE');
    const qiming = await companyIdOf(t, 'qiming-trade');
    const res = await api.post('wang', `/api/v1/companies/${qiming}/tax/returns`, {
      period: { type: 'month', year: 2026, month: 10 },
      input: smallScaleInput('100'),
      confirmedTotal: '0.00',
    });
    expectError(res, 422, 'WRONG_TAXPAYER_TYPE');
  });

  it('WRONG_PERIOD_TYPE for a monthly return of a quarterly filer', async () => {
    const res = await api.post('chen', returnsUrl(), {
      period: { type: 'month', year: 2026, month: 9 },
      input: smallScaleInput('1'),
      confirmedTotal: '0.00',
    });
    expectError(res, 422, 'WRONG_PERIOD_TYPE');
  });
});
