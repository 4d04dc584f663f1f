import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { invoiceImports, invoiceLines } from '../../db/schema';
import { InvoiceImportReport, Prefill, ReturnDetail } from '../../../shared/api/tax';
import { demoCompanies } from '../../seed/demo-data';
import { makeInvoiceRows, rowsToCsv, rowsToXlsx } from '../../seed/invoice-fixtures';
import { INVOICE_EXPORT_HEADERS } from './invoice-import';
import { caller, companyIdOf, DEMO_NOW, expectError, Q3_2026 } from '../../test/tax-support';

let t: TestApp;
let api: ReturnType<typeof caller>;
let tech: string;
const uscc = demoCompanies.find((c) => c.key === 'yunfan-tech')?.uscc ?? '';
const company = { uscc, name: '广州市云帆信息科技有限公司' };
const rows = makeInvoiceRows({ company, rows: 120, seed: 5, period: Q3_2026 });

beforeAll(async () => {
  t = await createTestApp({ now: () => DEMO_NOW });
  api = caller(t);
  tech = await companyIdOf(t, 'yunfan-tech');
});
afterAll(async () => t.close());

const upload = (fileName: string, bytes: Buffer) =>
  api.post('chen', `/api/v1/companies/${tech}/invoices/imports`, {
    fileName,
    contentBase64: bytes.toString('base64'),
  });

const setCell = (data: string[][], row: number, header: string, value: string): string[][] =>
  data.map((r, i) => (i === row ? r.map((c, j) => (INVOICE_EXPORT_HEADERS[j] === header ? value : c)) : r));

describe('importing the 数电票 export', () => {
  it('stores every good line of an xlsx export and reports the periods it covers', async () => {
    const res = await upload('全量发票查询.xlsx', await rowsToXlsx(rows));
    expect(res.statusCode).toBe(201);
    const r = InvoiceImportReport.parse(res.json());
    expect(r).toMatchObject({
      format: 'xlsx',
      rowCount: 120,
      importedCount: 120,
      alreadyOnFile: 0,
      rejected: [],
      periods: ['2026-Q3'],
    });
  });

  it('keeps a line once when an overlapping export is imported again', async () => {
    const r = InvoiceImportReport.parse((await upload('again.csv', rowsToCsv(rows, { bom: true }))).json());
    expect(r).toMatchObject({ format: 'csv', importedCount: 0, alreadyOnFile: 120 });
    expect(await t.ctx.db.$count(invoiceLines, eq(invoiceLines.companyId, tech))).toBe(120);
  });

  it('reports bad dates and duplicate lines row by row and stores the rest', async () => {
    const more = makeInvoiceRows({ company, rows: 10, seed: 6, period: Q3_2026 });
    const bad = setCell(more, 3, '开票日期', '2026-13-45');
    const withDuplicate = [...bad, bad[5]!];
    const r = InvoiceImportReport.parse((await upload('bad.csv', rowsToCsv(withDuplicate))).json());
    expect(r.rejected.map((x) => [x.row, x.code, x.field])).toEqual([
      [4, 'BAD_DATE', '开票日期'],
      [12, 'DUPLICATE_INVOICE_LINE', '数电发票号码'],
    ]);
    expect(r.rejected[0]?.message.zh).toMatch(/开票日期无效/);
    expect(r.importedCount).toBe(9);
  });

  it('refuses a file with the wrong columns, an unsupported type or broken base64, storing nothing', async () => {
    const before = await t.ctx.db.$count(invoiceImports);
    const wrong = rows.map((r) => r.slice(0, 5));
    const missing = await upload('wrong.csv', rowsToCsv(wrong));
    expectError(missing, 422, 'MISSING_COLUMN');
    expect(missing.json().error.message).toMatch(/缺少必需的列/);
    expectError(await upload('notes.txt', Buffer.from('hello')), 422, 'UNSUPPORTED_FILE_TYPE');
    const broken = await api.post('chen', `/api/v1/companies/${tech}/invoices/imports`, {
      fileName: 'a.csv',
      contentBase64: '@@@',
    });
    expectError(broken, 422, 'FILE_NOT_BASE64');
    expect(await t.ctx.db.$count(invoiceImports)).toBe(before);
  });
});

describe('the invoices fill the return, which the filer reviews line by line', () => {
  let prefill: Prefill;
  it('pre-fills the small-scale form from the totals by rate and invoice type', async () => {
    const res = await api.get(
      'chen',
      `/api/v1/companies/${tech}/tax/prefill?form=vat-small-scale&periodKey=2026-Q3`,
    );
    expect(res.statusCode).toBe(200);
    prefill = Prefill.parse(res.json());
    expect(prefill.inputSource).toBe('invoices');
    expect(prefill.invoices?.lineCount).toBe(129);
    const s = prefill.invoices!.smallScale.sales;
    expect(prefill.input).toEqual({ form: 'vat-small-scale', sales: s });
    expect(prefill.invoices!.totals.some((x) => x.kind === 'special' && x.rate === '3')).toBe(true);
  });

  it('pages through the lines of the period', async () => {
    const res = await api.get(
      'chen',
      `/api/v1/companies/${tech}/tax/invoice-lines?periodKey=2026-Q3&offset=100&limit=50`,
    );
    expect(res.json()).toMatchObject({ total: 129 });
    expect(res.json().lines).toHaveLength(29);
  });

  it('no nil return once sales are on file', async () => {
    const due = (await api.get('chen', `/api/v1/companies/${tech}/tax/due`)).json().items as {
      tax: string;
      zeroFilingOffered: boolean;
    }[];
    expect(due.find((i) => i.tax === 'vat')?.zeroFilingOffered).toBe(false);
    expectError(
      await api.post('chen', `/api/v1/companies/${tech}/tax/zero-returns`, { period: Q3_2026 }),
      409,
      'PERIOD_HAS_SALES',
    );
  });

  it('files the pre-filled figures; the platform computes the same total as the browser would', async () => {
    const { computeReturn } = await import('../../../shared/api/tax');
    const expected = computeReturn(prefill.period, prefill.input, prefill.facts);
    const res = await api.post('chen', `/api/v1/companies/${tech}/tax/returns`, {
      period: prefill.period,
      input: prefill.input,
      confirmedTotal: expected.totalPayable,
    });
    expect(res.statusCode).toBe(201);
    const d = ReturnDetail.parse(res.json());
    expect(d.computation).toEqual(expected);
    expect(d.status).toBe('accepted');
  });
});
