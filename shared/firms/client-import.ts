import { z } from 'zod';
import { validateUscc } from '../identifiers/uscc';
import { usccMessages } from '../identifiers/messages';
import { text, type LocalizedText } from '../text';

/** The import sheet's columns, as a firm's spreadsheet names them (Chinese or English headers). */
export const IMPORT_COLUMNS = {
  uscc: ['统一社会信用代码', '信用代码', 'uscc', 'unified social credit code'],
  name: ['企业名称', '名称', 'name', 'company name'],
  contact: ['联系人', '联系方式', 'contact'],
  group: ['分组', '所属分组', 'group', 'access group'],
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

export const MAX_IMPORT_ROWS = 20_000;

/** One data row as read from the sheet (1-based sheet row number for the report). */
export type ImportCells = { row: number; uscc: string; name: string; contact: string; group: string };

export const ImportRowOutcome = z.enum(['add', 'update', 'error']);
export type ImportRowOutcome = z.infer<typeof ImportRowOutcome>;

export type ImportProblem = { code: string; message: LocalizedText; field: ImportColumn };

export type CheckedRow = ImportCells & { normalizedUscc: string; problem: ImportProblem | null };

const problem = (code: string, field: ImportColumn, zh: string, en: string): ImportProblem => ({
  code,
  field,
  message: text(zh, en),
});

/** Finds which sheet column holds which field; unknown headers are ignored, missing required ones reported. */
export const mapHeaders = (
  headers: readonly string[],
): { columns: Partial<Record<ImportColumn, number>>; missing: ImportColumn[] } => {
  const columns: Partial<Record<ImportColumn, number>> = {};
  headers.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    for (const [field, names] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][])
      if (columns[field] === undefined && names.includes(key)) columns[field] = i;
  });
  const missing = (['uscc', 'name'] as const).filter((f) => columns[f] === undefined);
  return { columns, missing };
};

/**
 * The checks that need nothing but the sheet: a valid USCC (with the exact reason when not), a
 * name, a reasonable contact, a known group, and no client twice. Platform checks (is the company
 * registered, does the name match) come after, on the server.
 */
export const checkImportRows = (
  rows: readonly ImportCells[],
  groupNames: readonly string[],
): CheckedRow[] => {
  const seen = new Map<string, number>();
  const groups = new Set(groupNames.map((g) => g.trim()));
  return rows.map((r) => {
    const verdict = validateUscc(r.uscc, 'normalized');
    const normalizedUscc = verdict.normalized;
    const fail = (p: ImportProblem): CheckedRow => ({ ...r, normalizedUscc, problem: p });
    if (r.uscc.trim() === '')
      return fail(
        problem(
          'USCC_MISSING',
          'uscc',
          '缺少统一社会信用代码。',
          'The unified social credit code is missing.',
        ),
      );
    if (!verdict.valid) {
      const first = verdict.errors[0];
      const why = first ? usccMessages[first] : text('代码无效', 'Invalid code');
      return fail({
        code: 'INVALID_USCC',
        field: 'uscc',
        message: text(`统一社会信用代码无效：${why.zh}`, `Invalid unified social credit code: ${why.en}`),
      });
    }
    if (r.name.trim() === '')
      return fail(problem('NAME_MISSING', 'name', '缺少企业名称。', 'The company name is missing.'));
    if (r.name.trim().length > 100)
      return fail(
        problem(
          'NAME_TOO_LONG',
          'name',
          '企业名称过长（至多 100 字）。',
          'The company name is too long (100 characters at most).',
        ),
      );
    if (r.contact.trim().length > 100)
      return fail(
        problem(
          'CONTACT_TOO_LONG',
          'contact',
          '联系人过长（至多 100 字）。',
          'The contact is too long (100 characters at most).',
        ),
      );
    if (r.group.trim() !== '' && !groups.has(r.group.trim()))
      return fail({
        code: 'GROUP_NOT_FOUND',
        field: 'group',
        message: text(
          `没有名为“${r.group.trim()}”的分组，请先创建分组或留空。`,
          `There is no group named “${r.group.trim()}”; create it first or leave it empty.`,
        ),
      });
    const earlier = seen.get(normalizedUscc);
    if (earlier !== undefined)
      return fail({
        code: 'DUPLICATE_ROW',
        field: 'uscc',
        message: text(`与第 ${earlier} 行是同一家企业。`, `The same company as row ${earlier}.`),
      });
    seen.set(normalizedUscc, r.row);
    return { ...r, normalizedUscc, problem: null };
  });
};
