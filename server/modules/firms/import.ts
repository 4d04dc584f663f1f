import { and, eq, inArray } from 'drizzle-orm';
import type { CellValue, Sheet, SheetRow } from '../../xlsx/read';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { accessGroupClients, accessGroups, auditLog, companies, firmClients } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import {
  checkImportRows,
  mapHeaders,
  MAX_IMPORT_ROWS,
  IMPORT_COLUMNS,
  type ImportCells,
} from '../../../shared/firms/client-import';
import { text } from '../../../shared/text';
import type { ImportReport, ImportReportRow } from '../../../shared/api/firms';
import type { FirmMembership } from './access';

const CHUNK = 1000;

const cellText = (v: CellValue): string => {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
};

const unreadable = (): DomainError =>
  new DomainError(
    'IMPORT_FILE_UNREADABLE',
    text(
      '无法读取该文件，请上传 .xlsx 格式的 Excel 表格。',
      'The file cannot be read; upload an Excel .xlsx workbook.',
    ),
    { field: 'contentBase64' },
  );

/** Reads the first worksheet: a header row (Chinese or English names), then one client per row. */
export const readImportSheet = async (content: Buffer): Promise<ImportCells[]> => {
  // Loaded on the first import only.
  const { readSheet, XlsxReadError } = await import('../../xlsx/read');
  let sheet: Sheet;
  try {
    sheet = readSheet(content);
  } catch (e) {
    if (e instanceof XlsxReadError) throw unreadable();
    throw e;
  }
  const first = sheet.rows[0];
  const headers = first?.row === 1 ? first.cells.map(cellText) : [];
  const { columns, missing } = mapHeaders(headers);
  if (missing.length)
    throw new DomainError(
      'IMPORT_COLUMNS_MISSING',
      text(
        `表头缺少：${missing.map((f) => IMPORT_COLUMNS[f][0]).join('、')}。请使用导入模板。`,
        `Missing columns: ${missing.map((f) => IMPORT_COLUMNS[f][2]).join(', ')}. Use the import template.`,
      ),
      { field: 'contentBase64' },
    );
  if (sheet.lastRow - 1 > MAX_IMPORT_ROWS)
    throw new DomainError(
      'IMPORT_TOO_MANY_ROWS',
      text(`一次最多导入 ${MAX_IMPORT_ROWS} 行。`, `At most ${MAX_IMPORT_ROWS} rows per import.`),
      { field: 'contentBase64' },
    );
  const at = (row: SheetRow, col: number | undefined): string =>
    col === undefined ? '' : cellText(row.cells[col] ?? null).trim();
  const rows: ImportCells[] = [];
  for (const row of sheet.rows) {
    if (row.row === 1) continue;
    const cells = {
      row: row.row,
      uscc: at(row, columns.uscc),
      name: at(row, columns.name),
      contact: at(row, columns.contact),
      group: at(row, columns.group),
    };
    if (cells.uscc || cells.name || cells.contact || cells.group) rows.push(cells);
  }
  return rows;
};

/**
 * Checks every row (identifier, name, group, duplicates, then: is the company on the platform and
 * is the name the registered one) and, unless a dry run, adds or updates the valid rows in bulk.
 */
export const importClients = async (
  ctx: AppContext,
  tx: DbOrTx,
  m: FirmMembership,
  cells: ImportCells[],
  dryRun: boolean,
): Promise<ImportReport> => {
  const groups = await tx
    .select({ id: accessGroups.id, name: accessGroups.name })
    .from(accessGroups)
    .where(eq(accessGroups.firmId, m.firmId));
  const checked = checkImportRows(
    cells,
    groups.map((g) => g.name),
  );
  const usccs = [...new Set(checked.filter((r) => !r.problem).map((r) => r.normalizedUscc))];
  const registered = new Map<string, { id: string; name: string }>();
  for (let i = 0; i < usccs.length; i += CHUNK) {
    const found = await tx
      .select({ id: companies.id, name: companies.name, uscc: companies.uscc })
      .from(companies)
      .where(inArray(companies.uscc, usccs.slice(i, i + CHUNK)));
    for (const c of found) registered.set(c.uscc, c);
  }
  const existing = new Map(
    (
      await tx
        .select({ companyId: firmClients.companyId, contact: firmClients.contact })
        .from(firmClients)
        .where(eq(firmClients.firmId, m.firmId))
    ).map((c) => [c.companyId, c.contact]),
  );
  const report: ImportReportRow[] = [];
  const toAdd: { companyId: string; contact: string | null }[] = [];
  const toUpdate: { companyId: string; contact: string }[] = [];
  const toGroup: { groupId: string; companyId: string }[] = [];
  for (const r of checked) {
    const base = { row: r.row, uscc: r.normalizedUscc || r.uscc, name: r.name };
    const company = registered.get(r.normalizedUscc);
    const problem =
      r.problem ??
      (!company
        ? {
            code: 'COMPANY_NOT_REGISTERED',
            field: 'uscc',
            message: text(
              '商通中没有该代码对应的企业，请核对代码或请企业先在商通登记。',
              'No company with this code is on Shangtong; check the code or ask the company to register first.',
            ),
          }
        : company.name !== r.name.trim()
          ? {
              code: 'NAME_MISMATCH',
              field: 'name',
              message: text(
                `名称与登记名称“${company.name}”不一致，请核对。`,
                `The name differs from the registered name “${company.name}”; check it.`,
              ),
            }
          : null);
    if (problem || !company) {
      report.push({
        ...base,
        outcome: 'error',
        code: problem?.code ?? 'INVALID',
        message: problem?.message ?? null,
        field: problem?.field ?? null,
      });
      continue;
    }
    const contact = r.contact.trim() || null;
    const known = existing.has(company.id);
    if (!known) toAdd.push({ companyId: company.id, contact });
    else if (contact !== null && contact !== existing.get(company.id))
      toUpdate.push({ companyId: company.id, contact });
    const group = groups.find((g) => g.name === r.group.trim());
    if (group) toGroup.push({ groupId: group.id, companyId: company.id });
    report.push({ ...base, outcome: known ? 'update' : 'add', code: null, message: null, field: null });
  }
  if (!dryRun) {
    const now = ctx.now();
    for (let i = 0; i < toAdd.length; i += CHUNK)
      await tx
        .insert(firmClients)
        .values(
          toAdd
            .slice(i, i + CHUNK)
            .map((a) => ({ firmId: m.firmId, companyId: a.companyId, contact: a.contact, createdAt: now })),
        );
    for (const u of toUpdate)
      await tx
        .update(firmClients)
        .set({ contact: u.contact })
        .where(and(eq(firmClients.firmId, m.firmId), eq(firmClients.companyId, u.companyId)));
    for (let i = 0; i < toGroup.length; i += CHUNK)
      await tx
        .insert(accessGroupClients)
        .values(toGroup.slice(i, i + CHUNK))
        .onConflictDoNothing();
    for (let i = 0; i < toAdd.length; i += CHUNK)
      await tx.insert(auditLog).values(
        toAdd.slice(i, i + CHUNK).map((a) => ({
          actorPersonId: m.personId,
          actingAs: 'firm-admin',
          action: 'firm.client.import',
          companyId: a.companyId,
          firmId: m.firmId,
          detail: {},
        })),
      );
    await tx.insert(auditLog).values({
      actorPersonId: m.personId,
      actingAs: 'firm-admin',
      action: 'firm.clients.import',
      firmId: m.firmId,
      detail: {
        rows: cells.length,
        added: toAdd.length,
        updated: toUpdate.length,
        errors: report.filter((r) => r.outcome === 'error').length,
      },
    });
  }
  const tally = (o: ImportReportRow['outcome']) => report.filter((r) => r.outcome === o).length;
  return { dryRun, added: tally('add'), updated: tally('update'), errors: tally('error'), rows: report };
};
