import type { CellValue } from '../../xlsx/read';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';

/** A sheet as text cells, with the 1-based row number a spreadsheet shows. */
export type Table = { sheet: string | null; rows: { row: number; cells: string[] }[] };

/**
 * Written into a cell whose number could not be read exactly (a 20-digit invoice number or an
 * 18-digit USCC stored as a number in Excel has lost digits); no validator accepts it.
 */
export const LOST_DIGITS = '\u0000LOST_DIGITS';

const unreadable = (en: string, zh: string): DomainError =>
  new DomainError('UNREADABLE_FILE', text(zh, en), { field: 'file' });

const pad = (n: number): string => String(n).padStart(2, '0');

/** Excel stores wall-clock times; the reader hands them over as UTC instants of that wall clock. */
const dateText = (d: Date): string =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

const numberText = (n: number): string => {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return LOST_DIGITS;
  // 15 significant digits drop binary noise (0.30000000000000004) without touching real cents.
  return String(Number(n.toPrecision(15)));
};

const cellText = (v: CellValue): string => {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return dateText(v);
};

export const SUMMARY_SHEET = '信息汇总表';

export const readXlsx = async (buffer: Buffer): Promise<Table> => {
  // Loaded on the first .xlsx upload only.
  const { readSheet, XlsxReadError } = await import('../../xlsx/read');
  try {
    const sheet = readSheet(buffer, SUMMARY_SHEET);
    const rows = sheet.rows.map(({ row, cells }) => ({ row, cells: cells.map((c) => cellText(c).trim()) }));
    return { sheet: sheet.name, rows };
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    if (e.reason === 'no-sheet') throw unreadable('The workbook has no sheet', '工作簿中没有工作表');
    throw unreadable('The file is not a readable .xlsx workbook', '文件不是可读取的 .xlsx 工作簿');
  }
};

/** UTF-8 (with or without BOM); a GB18030 export from older tools is decoded too. */
const decode = (buffer: Buffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buffer);
    } catch {
      throw unreadable(
        'The CSV file is neither UTF-8 nor GB18030 text',
        'CSV 文件不是 UTF-8 或 GB18030 编码的文本',
      );
    }
  }
};

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export const parseCsv = (source: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw unreadable('A quoted CSV field is not closed', 'CSV 中有未闭合的引号');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
};

export const readCsv = (buffer: Buffer): Table => ({
  sheet: null,
  rows: parseCsv(decode(buffer)).map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) })),
});
