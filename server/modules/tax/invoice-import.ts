import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import {
  type ExcludedRow,
  type InvoiceImportResult,
  type InvoiceLine,
  type RejectedRow,
} from '../../../shared/tax/invoices';
import { locateHeader } from './invoice-import-columns';
import { lineKey, readRow } from './invoice-import-rows';
import { readCsv, readXlsx, type Table } from './invoice-import-table';

export { summarizeInvoices } from '../../../shared/tax/invoice-summary';
export { INVOICE_EXPORT_HEADERS, REQUIRED_HEADERS } from './invoice-import-columns';

/** 作废: voided. 数电 invoices cannot be voided, but legacy 税控 invoices in the same export can. */
const isVoided = (status: string): boolean => status.includes('作废');

/** A blue invoice fully cancelled by red-letter invoices: 全额红冲, or plain 已红冲 (not 部分红冲). */
const isFullyRedFlushed = (status: string): boolean =>
  status.includes('全额红冲') || (status.includes('红冲') && !status.includes('部分'));

/** Blue invoice numbers a red invoice names in its remark (数电 20 digits, or legacy code + number). */
const referencedBlue = (remark: string): string[] => {
  const digital = remark.match(/(?<!\d)\d{20}(?!\d)/g) ?? [];
  const legacy = [...remark.matchAll(/代码[:：]?\s*(\d{10}|\d{12})\D{0,12}?号码[:：]?\s*(\d{8})(?!\d)/g)].map(
    (m) => `${m[1]}${m[2]}`,
  );
  return [...digital, ...legacy];
};

const formatOf = (fileName: string): 'xlsx' | 'csv' => {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  throw new DomainError(
    'UNSUPPORTED_FILE_TYPE',
    text('仅支持 .xlsx 或 .csv 格式的发票导出文件', 'Only .xlsx or .csv invoice exports are supported'),
    { field: 'fileName' },
  );
};

/**
 * Read a 数电票 全量发票查询 export (tax.md §8) for the company with USCC `companyUscc`.
 * File-level problems (type, unreadable, missing columns) throw DomainError; row problems are
 * reported in `rejected` and the rest of the file still imports. Voided invoices, fully
 * red-flushed blue invoices and the red invoices that flush them are listed in `excluded`.
 */
export const parseInvoiceFile = async (
  buffer: Buffer,
  fileName: string,
  companyUscc: string,
): Promise<InvoiceImportResult> => {
  const { format, table } = await readInvoiceTable(buffer, fileName);
  return parseInvoiceTable(table, format, companyUscc);
};

/** The export's cells as text, by file type (refuses other types). */
export const readInvoiceTable = async (
  buffer: Buffer,
  fileName: string,
): Promise<{ format: 'xlsx' | 'csv'; table: Table }> => {
  const format = formatOf(fileName);
  return { format, table: format === 'xlsx' ? await readXlsx(buffer) : readCsv(buffer) };
};

/**
 * The seller and buyer USCC of every data row (upper case), to tell whose invoices a file holds
 * before importing it. Refuses a file without the required columns.
 */
export const invoiceRowParties = (
  table: Table,
): { headerIndex: number; rows: { row: number; seller: string; buyer: string }[] } => {
  const header = locateHeader(table);
  const seller = header.columns.get('销方识别号');
  const buyer = header.columns.get('购方识别号');
  const rows: { row: number; seller: string; buyer: string }[] = [];
  for (const { row, cells } of table.rows.slice(header.index + 1)) {
    if (cells.every((c) => c === '')) continue;
    rows.push({
      row,
      seller: (seller === undefined ? '' : (cells[seller] ?? '')).trim().toUpperCase(),
      buyer: (buyer === undefined ? '' : (cells[buyer] ?? '')).trim().toUpperCase(),
    });
  }
  return { headerIndex: header.index, rows };
};

/** `parseInvoiceFile` on a table already read (row numbers are the table's). */
export const parseInvoiceTable = (
  table: Table,
  format: 'xlsx' | 'csv',
  companyUscc: string,
): InvoiceImportResult => {
  const header = locateHeader(table);
  const uscc = companyUscc.trim().toUpperCase();

  const rejected: RejectedRow[] = [];
  const candidates: { line: InvoiceLine; remark: string }[] = [];
  const seen = new Map<string, number>();
  let rowCount = 0;
  for (const { row, cells } of table.rows.slice(header.index + 1)) {
    if (cells.every((c) => c === '')) continue;
    rowCount += 1;
    const outcome = readRow(row, cells, header.columns, uscc);
    if (!outcome.ok) {
      rejected.push(outcome.rejected);
      continue;
    }
    const key = lineKey(outcome.line, cells, header.columns);
    const first = seen.get(key);
    if (first !== undefined) {
      rejected.push({
        row,
        code: 'DUPLICATE_INVOICE_LINE',
        field: '数电发票号码',
        message: text(`与第 ${first} 行重复的发票明细`, `The same invoice line as row ${first}`),
      });
      continue;
    }
    seen.set(key, row);
    candidates.push(outcome);
  }

  const flushed = new Set(
    candidates
      .filter((c) => !c.line.red && isFullyRedFlushed(c.line.status))
      .map((c) => c.line.invoiceNumber),
  );
  const excluded: ExcludedRow[] = [];
  const lines: InvoiceLine[] = [];
  for (const { line, remark } of candidates) {
    const exclude = (reason: ExcludedRow['reason'], zh: string, en: string): void => {
      excluded.push({ row: line.row, invoiceNumber: line.invoiceNumber, reason, message: text(zh, en) });
    };
    if (isVoided(line.status)) exclude('voided', '已作废的发票不计入', 'Voided invoices do not count');
    else if (flushed.has(line.invoiceNumber)) {
      exclude('red-flushed', '已全额红冲的发票不计入', 'Fully red-flushed invoices do not count');
    } else if (line.red && referencedBlue(remark).some((n) => flushed.has(n))) {
      // Its blue invoice is already left out: counting the red line too would subtract it twice.
      exclude(
        'offsets-red-flushed',
        '对应蓝字发票已全额红冲且未计入，本红字发票同样不计入',
        'It cancels a fully red-flushed invoice that is already left out',
      );
    } else lines.push(line);
  }

  return { format, sheet: table.sheet, rowCount, lines, excluded, rejected };
};
