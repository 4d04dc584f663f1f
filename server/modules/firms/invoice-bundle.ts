import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, firmClients } from '../../db/schema';
import { authorize } from '../../auth/authorize';
import { httpStatusOf } from '../../http/errors';
import { DomainError, isDomainError } from '../../../shared/domain-error';
import { text, type LocalizedText } from '../../../shared/text';
import { maskCompanyName, maskUscc } from '../../../shared/masking';
import type { BundleClientResult, InvoiceBundleReport } from '../../../shared/firms/invoice-batch';
import { importInvoiceTable, invoiceRowParties, readInvoiceTable, type InvoiceTable } from '../tax';
import { visibleClientIds, type FirmMembership } from './access';

type File = { name: string; bytes: Buffer };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (b: Buffer): boolean => ZIP_MAGIC.every((v, i) => b[i] === v);

/** Largest unpacked bundle: 200 MB, so a zip bomb cannot exhaust memory. */
const MAX_UNPACKED = 200 * 1024 * 1024;

const refuse = (code: string, zh: string, en: string): DomainError =>
  new DomainError(code, text(zh, en), { field: 'contentBase64' });

/** The files of a bundle: the entries of a zip (folders and macOS metadata left out), or the file itself. */
const filesOf = async (bytes: Buffer, fileName: string): Promise<File[]> => {
  // An .xlsx is a zip too: only a file named .zip is a bundle of files.
  if (!fileName.toLowerCase().endsWith('.zip') || !isZip(bytes)) return [{ name: fileName, bytes }];
  const { unzipSync } = await import('fflate');
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNPACKED)
          throw refuse('FILE_TOO_LARGE', '压缩包解压后超过 200 MB。', 'The zip unpacks to more than 200 MB.');
        return !f.name.endsWith('/') && !f.name.startsWith('__MACOSX/') && !/(^|\/)\./.test(f.name);
      },
    });
  } catch (e) {
    if (isDomainError(e)) throw e;
    throw refuse('FILE_UNREADABLE', '压缩包无法读取。', 'The zip file cannot be read.');
  }
  return Object.entries(entries).map(([name, data]) => ({ name, bytes: Buffer.from(data) }));
};

type Part = { fileName: string; sha256: string; format: 'xlsx' | 'csv'; table: InvoiceTable };

/**
 * Imports a firm's bundle of 数电票 exports: a zip with one file per client, or one workbook with
 * many clients' rows. Each file (or row) goes to the client whose USCC it carries as seller or
 * buyer — never by file name. Every client's rows are then validated and stored by the tax module
 * as a single import would be, each in its own savepoint, so one client's refusal spares the rest.
 */
export const importInvoiceBundle = async (
  ctx: AppContext,
  tx: DbOrTx,
  m: FirmMembership,
  input: { fileName: string; bytes: Buffer },
): Promise<InvoiceBundleReport> => {
  const files = await filesOf(input.bytes, input.fileName);
  if (files.length === 0) throw refuse('FILE_EMPTY', '压缩包里没有文件。', 'The zip holds no file.');
  const clientRows = await tx
    .select({ id: companies.id, uscc: companies.uscc, name: companies.name })
    .from(firmClients)
    .innerJoin(companies, eq(companies.id, firmClients.companyId))
    .where(eq(firmClients.firmId, m.firmId));
  const byUscc = new Map(clientRows.map((c) => [c.uscc.toUpperCase(), c]));
  const visible = await visibleClientIds(tx, m);

  const parts = new Map<string, Part[]>();
  const unmatched: InvoiceBundleReport['unmatched'] = [];
  const add = (companyId: string, part: Part) =>
    parts.set(companyId, [...(parts.get(companyId) ?? []), part]);
  const zipped = input.fileName.toLowerCase().endsWith('.zip');

  for (const f of files) {
    let read: { format: 'xlsx' | 'csv'; table: InvoiceTable };
    let parties: ReturnType<typeof invoiceRowParties>;
    try {
      read = await readInvoiceTable(f.bytes, f.name);
      parties = invoiceRowParties(read.table);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      unmatched.push({ fileName: f.name, rows: 0, code: e.code, reason: e.text });
      continue;
    }
    const sha256 = createHash('sha256').update(f.bytes).digest('hex');
    const header = read.table.rows.slice(0, parties.headerIndex + 1);
    if (zipped) {
      // One client per file: the client appearing on every row (as seller or buyer).
      const candidates = [...new Set(parties.rows.flatMap((r) => [r.seller, r.buyer]))].filter(
        (u) => byUscc.has(u) && parties.rows.every((r) => r.seller === u || r.buyer === u),
      );
      if (candidates.length !== 1) {
        unmatched.push({
          fileName: f.name,
          rows: parties.rows.length,
          code: candidates.length ? 'AMBIGUOUS_CLIENT' : 'NO_CLIENT_MATCH',
          reason: candidates.length
            ? text(
                '文件中的发票同时属于多个客户，请按客户分别导出。',
                'The file’s invoices belong to several clients; export one file per client.',
              )
            : text(
                '文件中没有每一行都出现的本所客户税号（销方或购方识别号）。',
                'No client USCC of the firm appears on every row (seller or buyer).',
              ),
        });
        continue;
      }
      add(byUscc.get(candidates[0]!)!.id, { fileName: f.name, sha256, ...read });
      continue;
    }
    // One workbook for many clients: each row to the client(s) it names.
    const rowsOf = new Map<string, typeof read.table.rows>();
    let orphans = 0;
    const cellsByRow = new Map(read.table.rows.map((r) => [r.row, r]));
    for (const r of parties.rows) {
      const owners = [r.seller, r.buyer].filter((u, i, a) => byUscc.has(u) && a.indexOf(u) === i);
      if (owners.length === 0) orphans += 1;
      for (const u of owners) {
        const id = byUscc.get(u)!.id;
        rowsOf.set(id, [...(rowsOf.get(id) ?? []), cellsByRow.get(r.row)!]);
      }
    }
    if (orphans > 0)
      unmatched.push({
        fileName: f.name,
        rows: orphans,
        code: 'NO_CLIENT_MATCH',
        reason: text(
          `${orphans} 行的销方和购方识别号都不是本所客户。`,
          `${orphans} rows name no client of the firm as seller or buyer.`,
        ),
      });
    for (const [id, rows] of rowsOf)
      add(id, {
        fileName: f.name,
        sha256,
        format: read.format,
        table: { sheet: read.table.sheet, rows: [...header, ...rows] },
      });
  }

  const clients: BundleClientResult[] = [];
  for (const c of clientRows.filter((c) => parts.has(c.id))) {
    const shown = !visible || visible.has(c.id);
    const base = {
      companyId: c.id,
      name: shown ? c.name : maskCompanyName(c.name),
      uscc: shown ? c.uscc : maskUscc(c.uscc),
      files: parts.get(c.id)!.map((p) => p.fileName),
    };
    const failed = (code: string, reason: LocalizedText): BundleClientResult => ({
      ...base,
      imported: 0,
      alreadyOnFile: 0,
      rejected: [],
      error: { code, reason },
    });
    const decision = await authorize(tx, {
      personId: m.personId,
      companyId: c.id,
      scope: 'invoice.manage',
      now: ctx.now(),
    });
    if (!decision.allowed) {
      clients.push(failed(decision.code, decision.text));
      continue;
    }
    let imported = 0;
    let alreadyOnFile = 0;
    const rejected: BundleClientResult['rejected'] = [];
    try {
      await tx.transaction(async (sp) => {
        for (const p of parts.get(c.id)!) {
          const report = await importInvoiceTable(sp, ctx, decision, p);
          imported += report.importedCount;
          alreadyOnFile += report.alreadyOnFile;
          for (const r of report.rejected) rejected.push({ fileName: p.fileName, ...r });
        }
      });
    } catch (e) {
      if (isDomainError(e) && httpStatusOf(e) < 500) {
        clients.push(failed(e.code, e.text));
        continue;
      }
      throw e;
    }
    clients.push({ ...base, imported, alreadyOnFile, rejected, error: null });
  }
  return { files: files.length, clients, unmatched };
};

/** Firm clients by id among `ids` (for the review and the batch). */
export const firmClientIds = async (
  db: DbOrTx,
  firmId: string,
  ids: readonly string[],
): Promise<Set<string>> =>
  new Set(
    (
      await db
        .select({ id: firmClients.companyId })
        .from(firmClients)
        .where(and(eq(firmClients.firmId, firmId), inArray(firmClients.companyId, [...ids])))
    ).map((r) => r.id),
  );
