import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { invoiceImports, invoiceLines, persons } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { auditActingFor } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { periodEnd, periodKey, periodStart } from '../../../shared/api/tax';
import {
  INVOICE_FILE_MAX_BYTES,
  type InvoiceImportBody,
  type InvoiceImportReport,
} from '../../../shared/api/tax';
import type { InvoiceLine } from '../../../shared/tax/invoices';
import { quarterOfMonth, type TaxPeriod } from '../../../shared/tax/period';
import { text } from '../../../shared/text';
import { loadTaxCompany } from './company';
import { parseInvoiceFile } from './invoice-import';

type ImportRow = typeof invoiceImports.$inferSelect;
type LineRow = typeof invoiceLines.$inferSelect;

/** Its HTTP status is the code's, in STATUS_OF_CODE (server/http/errors.ts). */
const refuse = (code: string, zh: string, en: string): DomainError =>
  new DomainError(code, text(zh, en), { field: 'contentBase64' });

const decode = (b64: string): Buffer => {
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
    throw refuse(
      'FILE_NOT_BASE64',
      '文件内容编码错误，请重新选择文件。',
      'The file content is not valid base64; choose the file again.',
    );
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw refuse('FILE_EMPTY', '文件是空的。', 'The file is empty.');
  if (bytes.length > INVOICE_FILE_MAX_BYTES)
    throw refuse(
      'FILE_TOO_LARGE',
      '文件超过 20 MB，请按季度分别导出。',
      'The file is larger than 20 MB; export one quarter at a time.',
    );
  return bytes;
};

/**
 * The same line in a later, overlapping export gets the same key: invoice number, content, and
 * which occurrence of that content it is on the invoice (two identical lines stay two lines).
 */
const lineKeys = (lines: readonly InvoiceLine[]): string[] => {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const content = [l.invoiceNumber, l.direction, l.red, l.rate, l.amount, l.tax, l.itemName].join('\u0001');
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return createHash('sha256').update(`${content}\u0001${n}`).digest('base64url');
  });
};

const periodOfDate = (iso: string, type: 'month' | 'quarter'): string => {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return periodKey(type === 'month' ? { type, year, month } : { type, year, quarter: quarterOfMonth(month) });
};

export const toReport = (r: ImportRow, importedBy: string): InvoiceImportReport => ({
  id: r.id,
  fileName: r.fileName,
  format: r.format,
  rowCount: r.rowCount,
  importedCount: r.importedCount,
  alreadyOnFile: r.alreadyOnFile,
  removedCount: r.removedCount,
  rejected: r.rejected,
  excluded: r.excluded,
  periods: r.periods,
  importedBy,
  createdAt: r.createdAt.toISOString(),
});

const BATCH = 1000;

/** The last path segment without control characters, so a name cannot smuggle a path. */
const cleanName = (name: string): string =>
  [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((ch) => (ch.codePointAt(0) ?? 0) >= 32 && ch.codePointAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 200) || 'invoices';

/**
 * Imports a 全量发票查询 export for the company. A file-level problem (type, unreadable, missing
 * columns) refuses the whole file and stores nothing; bad rows (dates, numbers, duplicates, not
 * this company's) are listed in the report and the rest is stored. Lines already on file are
 * kept once; invoices the export shows as voided or fully red-flushed are removed from file.
 */
export const importInvoices = async (
  tx: DbOrTx,
  ctx: AppContext,
  authority: Authority,
  body: InvoiceImportBody,
): Promise<InvoiceImportReport> => {
  const bytes = decode(body.contentBase64);
  const fileName = cleanName(body.fileName);
  const company = await loadTaxCompany(tx, authority.companyId);
  const parsed = await parseInvoiceFile(bytes, fileName, company.uscc);
  const now = ctx.now();
  const periods = [...new Set(parsed.lines.map((l) => periodOfDate(l.issueDate, company.vatPeriod)))].sort();
  const [imp] = await tx
    .insert(invoiceImports)
    .values({
      companyId: company.id,
      fileName,
      format: parsed.format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      rowCount: parsed.rowCount,
      importedCount: 0,
      alreadyOnFile: 0,
      removedCount: 0,
      rejected: parsed.rejected,
      excluded: parsed.excluded,
      periods,
      importedByPersonId: authority.personId,
      createdAt: now,
    })
    .returning();
  if (!imp) throw new Error('import not stored');

  const keys = lineKeys(parsed.lines);
  let imported = 0;
  for (let i = 0; i < parsed.lines.length; i += BATCH) {
    const values = parsed.lines.slice(i, i + BATCH).map((l, j) => ({
      companyId: company.id,
      importId: imp.id,
      lineKey: keys[i + j] ?? '',
      sourceRow: l.row,
      invoiceNumber: l.invoiceNumber,
      issueDate: l.issueDate,
      direction: l.direction,
      kind: l.kind,
      red: l.red,
      rate: l.rate,
      amount: l.amount,
      tax: l.tax,
      total: l.total,
      sellerId: l.sellerId,
      sellerName: l.sellerName,
      buyerId: l.buyerId,
      buyerName: l.buyerName,
      itemName: l.itemName,
      taxCategoryCode: l.taxCategoryCode,
      specialBusiness: l.specialBusiness,
      invoiceType: l.invoiceType,
      status: l.status,
    }));
    const stored = await tx
      .insert(invoiceLines)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: invoiceLines.id });
    imported += stored.length;
  }
  const excludedNumbers = [...new Set(parsed.excluded.map((e) => e.invoiceNumber))];
  const removed =
    excludedNumbers.length === 0
      ? []
      : await tx
          .delete(invoiceLines)
          .where(
            and(
              eq(invoiceLines.companyId, company.id),
              inArray(invoiceLines.invoiceNumber, excludedNumbers),
              ne(invoiceLines.importId, imp.id),
            ),
          )
          .returning({ id: invoiceLines.id });
  const [done] = await tx
    .update(invoiceImports)
    .set({
      importedCount: imported,
      alreadyOnFile: parsed.lines.length - imported,
      removedCount: removed.length,
    })
    .where(eq(invoiceImports.id, imp.id))
    .returning();
  if (!done) throw new Error('import not updated');
  await auditActingFor(
    tx,
    authority,
    'invoice.import',
    {
      importId: imp.id,
      fileName,
      rows: parsed.rowCount,
      imported,
      rejected: parsed.rejected.length,
      periods,
    },
    now,
  );
  const [person] = await tx
    .select({ name: persons.name })
    .from(persons)
    .where(eq(persons.id, authority.personId));
  return toReport(done, person?.name ?? '');
};

export const listImports = async (db: DbOrTx, companyId: string): Promise<InvoiceImportReport[]> => {
  const rows = await db
    .select({ i: invoiceImports, name: persons.name })
    .from(invoiceImports)
    .innerJoin(persons, eq(persons.id, invoiceImports.importedByPersonId))
    .where(eq(invoiceImports.companyId, companyId))
    .orderBy(desc(invoiceImports.createdAt))
    .limit(50);
  return rows.map((r) => toReport(r.i, r.name));
};

const inPeriod = (companyId: string, period: TaxPeriod) =>
  and(
    eq(invoiceLines.companyId, companyId),
    gte(invoiceLines.issueDate, periodStart(period)),
    lte(invoiceLines.issueDate, periodEnd(period)),
  );

export const toInvoiceLine = (l: LineRow): InvoiceLine & { id: string } => ({
  id: l.id,
  row: l.sourceRow,
  invoiceNumber: l.invoiceNumber,
  issueDate: l.issueDate,
  direction: l.direction,
  kind: l.kind,
  red: l.red,
  rate: l.rate as InvoiceLine['rate'],
  amount: l.amount,
  tax: l.tax,
  total: l.total,
  sellerId: l.sellerId,
  sellerName: l.sellerName,
  buyerId: l.buyerId,
  buyerName: l.buyerName,
  itemName: l.itemName,
  taxCategoryCode: l.taxCategoryCode,
  specialBusiness: l.specialBusiness,
  invoiceType: l.invoiceType,
  status: l.status,
});

/** Every line on file for the period (for the totals that pre-fill a return). */
export const periodLines = async (db: DbOrTx, companyId: string, period: TaxPeriod): Promise<InvoiceLine[]> =>
  (await db.select().from(invoiceLines).where(inPeriod(companyId, period))).map(toInvoiceLine);

/** One page of the period's lines, for review line by line. */
export const linesPage = async (
  db: DbOrTx,
  companyId: string,
  period: TaxPeriod,
  offset: number,
  limit: number,
) => {
  const where = inPeriod(companyId, period);
  const [total] = await db.select({ n: count() }).from(invoiceLines).where(where);
  const rows = await db
    .select()
    .from(invoiceLines)
    .where(where)
    .orderBy(asc(invoiceLines.issueDate), asc(invoiceLines.invoiceNumber), asc(invoiceLines.sourceRow))
    .offset(offset)
    .limit(limit);
  return { total: total?.n ?? 0, lines: rows.map(toInvoiceLine) };
};
