import { readFileSync } from 'node:fs';
import { writeSheet } from '../../xlsx/write';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../shared/domain-error';
import { InvoiceImportResult, InvoiceSummary } from '../../../shared/tax/invoices';
import {
  fixtureCompany,
  makeInvoiceCsv,
  makeInvoiceRows,
  makeInvoiceXlsx,
  rowsToCsv,
  rowsToXlsx,
} from '../../seed/invoice-fixtures';
import { INVOICE_EXPORT_HEADERS, parseInvoiceFile, summarizeInvoices } from './invoice-import';

const company = fixtureCompany(7);
const sample = readFileSync(new URL('../../test/fixtures/quanliang-export-2026q1.csv', import.meta.url));
const q1 = { type: 'quarter', year: 2026, quarter: 1 } as const;

const fileError = async (
  run: () => Promise<unknown>,
): Promise<{ code: string; field: string | undefined }> => {
  try {
    await run();
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('expected a DomainError');
};

/** Rows of a generated file with one cell changed. */
const withCell = (rows: string[][], row: number, header: string, value: string): string[][] =>
  rows.map((r, i) => (i === row ? r.map((c, j) => (INVOICE_EXPORT_HEADERS[j] === header ? value : c)) : r));

describe('the sample export (title row, BOM, every kind of line)', () => {
  it('accepts, excludes and rejects each row for the right reason', async () => {
    const r = await parseInvoiceFile(sample, '全量发票查询.csv', company.uscc);
    expect(InvoiceImportResult.parse(r)).toEqual(r);
    expect(r).toMatchObject({ format: 'csv', sheet: null, rowCount: 17 });
    expect(r.lines.map((l) => l.row)).toEqual([3, 4, 5, 8, 9, 10, 11, 18, 20]);
    expect(r.excluded.map((e) => [e.row, e.reason])).toEqual([
      [6, 'red-flushed'],
      [7, 'offsets-red-flushed'],
      [12, 'voided'],
    ]);
    expect(r.rejected.map((e) => [e.row, e.code, e.field])).toEqual([
      [13, 'DUPLICATE_INVOICE_LINE', '数电发票号码'],
      [14, 'BAD_DATE', '开票日期'],
      [15, 'NOT_OUR_INVOICE', '销方识别号'],
      [16, 'BAD_RATE', '税率'],
      [17, 'BAD_AMOUNT', '金额'],
    ]);
    for (const e of r.rejected) expect(e.message.zh.length * e.message.en.length).toBeGreaterThan(0);
  });
  it('reads direction, kind, red flag and rate of each line', async () => {
    const { lines } = await parseInvoiceFile(sample, 'a.csv', company.uscc);
    const byRow = new Map(lines.map((l) => [l.row, l]));
    expect(byRow.get(3)).toMatchObject({
      invoiceNumber: '26442000000000000101',
      issueDate: '2026-01-05',
      direction: 'issued',
      kind: 'ordinary',
      red: false,
      rate: '1',
      amount: '10000.00',
      tax: '100.00',
      total: '10100.00',
      itemName: '*信息技术服务*软件维护,年度',
    });
    expect(byRow.get(5)).toMatchObject({ kind: 'special', rate: '3' });
    expect(byRow.get(9)).toMatchObject({ red: true, amount: '-2000.00', tax: '-20.00' });
    expect(byRow.get(10)).toMatchObject({ direction: 'received', kind: 'special', rate: '13' });
    expect(byRow.get(18)).toMatchObject({ rate: 'exempt', tax: '0.00' });
  });
  it('summarizes Q1 onto the return fields, red lines netted, April left out', async () => {
    const { lines } = await parseInvoiceFile(sample, 'a.csv', company.uscc);
    const s = summarizeInvoices(lines, q1);
    expect(InvoiceSummary.parse(s)).toEqual(s);
    expect(s.lineCount).toBe(8);
    expect(s.totals).toEqual([
      { direction: 'issued', rate: '3', kind: 'special', amount: '20000.00', tax: '600.00', lineCount: 1 },
      { direction: 'issued', rate: '1', kind: 'ordinary', amount: '16500.00', tax: '165.00', lineCount: 4 },
      { direction: 'issued', rate: 'exempt', kind: 'ordinary', amount: '2000.00', tax: '0.00', lineCount: 1 },
      {
        direction: 'received',
        rate: '13',
        kind: 'special',
        amount: '50000.00',
        tax: '6500.00',
        lineCount: 1,
      },
      { direction: 'received', rate: '6', kind: 'ordinary', amount: '1000.00', tax: '60.00', lineCount: 1 },
    ]);
    expect(s.smallScale.sales).toEqual({
      general1pct: '18500.00',
      special1pct: '0.00',
      special3pct: '20000.00',
      realEstate5pct: '0.00',
    });
    expect(s.smallScale.unmapped).toEqual([]);
    expect(s.general.inputTax).toBe('6500.00');
    expect(s.general.salesByRate).toEqual({});
    expect(s.warnings).toEqual([]);
  });
  it('a period where red lines exceed blue ones is flagged, not hidden', async () => {
    const { lines } = await parseInvoiceFile(sample, 'a.csv', company.uscc);
    const s = summarizeInvoices(
      lines.filter((l) => l.red),
      { type: 'month', year: 2026, month: 3 },
    );
    expect(s.smallScale.sales.general1pct).toBe('-2000.00');
    expect(s.warnings.map((w) => [w.code, w.field])).toEqual([
      ['NEGATIVE_NET_SALES', 'smallScale.sales.general1pct'],
    ]);
  });
});

describe('generated files: csv and xlsx read the same', () => {
  it('a generated CSV (with and without BOM) and XLSX import every row identically', async () => {
    const options = { company, rows: 120, seed: 3 };
    const withBom = await parseInvoiceFile(makeInvoiceCsv(options), 'x.csv', company.uscc);
    const noBom = await parseInvoiceFile(makeInvoiceCsv({ ...options, bom: false }), 'x.CSV', company.uscc);
    const xlsx = await parseInvoiceFile(await makeInvoiceXlsx(options), 'x.xlsx', company.uscc);
    expect(withBom.lines).toHaveLength(120);
    expect(withBom.rejected).toEqual([]);
    expect(noBom.lines).toEqual(withBom.lines);
    expect(xlsx).toMatchObject({ format: 'xlsx', sheet: '信息汇总表' });
    expect(xlsx.lines).toEqual(withBom.lines);
  });
  it('generated totals are exact: the summary equals the sum of the rows', async () => {
    const rows = makeInvoiceRows({ company, rows: 300, seed: 11, taxpayerType: 'general' });
    const { lines } = await parseInvoiceFile(rowsToCsv(rows), 'g.csv', company.uscc);
    const s = summarizeInvoices(lines, q1);
    const fen = (v: string) => Math.round(Number(v) * 100);
    const issued13 = lines
      .filter((l) => l.direction === 'issued' && l.rate === '13')
      .reduce((a, l) => a + fen(l.amount), 0);
    expect(fen(s.general.salesByRate['13'] ?? '0')).toBe(issued13);
    const input = lines
      .filter((l) => l.direction === 'received' && l.kind === 'special')
      .reduce((a, l) => a + fen(l.tax), 0);
    expect(fen(s.general.inputTax)).toBe(input);
  });
  it('reads the first sheet when 信息汇总表 is absent, and tolerates moved columns', async () => {
    const rows = makeInvoiceRows({ company, rows: 10 });
    const reordered = rows.map((r) => [...r].reverse());
    const r = await parseInvoiceFile(await rowsToXlsx(reordered, 'Sheet1'), 'y.xlsx', company.uscc);
    expect(r.sheet).toBe('Sheet1');
    expect(r.lines).toHaveLength(10);
  });
});

describe('refusals', () => {
  it('a file without the required columns is refused as a whole', async () => {
    const rows = makeInvoiceRows({ company, rows: 3 }).map((r) =>
      r.filter((_, j) => INVOICE_EXPORT_HEADERS[j] !== '税率'),
    );
    expect(await fileError(() => parseInvoiceFile(rowsToCsv(rows), 'a.csv', company.uscc))).toEqual({
      code: 'MISSING_COLUMN',
      field: '税率',
    });
    const other = Buffer.from('name,amount\r\nfoo,1\r\n');
    expect((await fileError(() => parseInvoiceFile(other, 'a.csv', company.uscc))).code).toBe(
      'MISSING_COLUMN',
    );
  });
  it('refuses other file types and unreadable workbooks', async () => {
    expect(await fileError(() => parseInvoiceFile(Buffer.from('x'), 'a.xls', company.uscc))).toEqual({
      code: 'UNSUPPORTED_FILE_TYPE',
      field: 'fileName',
    });
    expect(
      (await fileError(() => parseInvoiceFile(Buffer.from('not a zip'), 'a.xlsx', company.uscc))).code,
    ).toBe('UNREADABLE_FILE');
  });
  it.each([
    ['开票日期', '2026-13-01', 'BAD_DATE'],
    ['开票日期', '', 'BAD_DATE'],
    ['开票日期', 'yesterday', 'BAD_DATE'],
    ['金额', 'abc', 'BAD_AMOUNT'],
    ['价税合计', '1.00', 'BAD_AMOUNT'],
    ['税率', '17%', 'BAD_RATE'],
    ['税率', '', 'BAD_RATE'],
    ['数电发票号码', '123', 'BAD_INVOICE_NUMBER'],
    ['销方识别号', '91440300000000000X', 'NOT_OUR_INVOICE'],
    ['是否正数发票', '可能', 'BAD_RED_FLAG'],
  ])('%s = %j → %s', async (header, value, code) => {
    const rows = withCell(makeInvoiceRows({ company, rows: 3, receivedShare: 0 }), 2, header, value);
    const r = await parseInvoiceFile(rowsToCsv(rows), 'a.csv', company.uscc);
    expect(r.rejected.map((e) => [e.row, e.code])).toEqual([[3, code]]);
    expect(r.lines).toHaveLength(2);
  });
  it('accepts the other date and rate spellings of the export', async () => {
    let rows = makeInvoiceRows({ company, rows: 4, receivedShare: 0 });
    rows = withCell(rows, 1, '开票日期', '2026/1/5');
    rows = withCell(rows, 2, '开票日期', '2026年01月06日');
    rows = withCell(rows, 3, '开票日期', '46029'); // an Excel serial day: 2026-01-07
    const r = await parseInvoiceFile(rowsToCsv(rows), 'a.csv', company.uscc);
    expect(r.lines.slice(0, 3).map((l) => l.issueDate)).toEqual(['2026-01-05', '2026-01-06', '2026-01-07']);
  });
  it('a 20-digit number stored as an Excel number has lost digits and is refused', async () => {
    const rows = makeInvoiceRows({ company, rows: 2 });
    const column = INVOICE_EXPORT_HEADERS.indexOf('数电发票号码');
    const asNumber = rows.map((row, i) =>
      i === 1 ? row.map((cell, c) => (c === column ? Number(cell) : cell)) : row,
    );
    const xlsx = writeSheet({ name: '信息汇总表', rows: asNumber });
    const r = await parseInvoiceFile(xlsx, 'n.xlsx', company.uscc);
    expect(r.rejected.map((e) => [e.row, e.code])).toEqual([[2, 'NUMBER_PRECISION_LOST']]);
  });
});
