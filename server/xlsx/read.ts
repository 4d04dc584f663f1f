/**
 * Reads one worksheet of an .xlsx workbook into cell values: strings (shared, inline, formula
 * results), numbers, booleans and dates (numbers in a date format, as the UTC instant of the wall
 * clock Excel stores, the way spreadsheet libraries hand them over). Errors and empty cells are null.
 */
import { strFromU8, unzipSync } from 'fflate';
import { decodeXstring } from './cell-text';
import { element, elements, parseXml, textOf, type XmlElement } from './xml';

export type CellValue = string | number | boolean | Date | null;
/** A row as the spreadsheet numbers it (1-based) and its cells by column (index 0 = column A). */
export type SheetRow = { row: number; cells: CellValue[] };
export type Sheet = { name: string; rows: SheetRow[]; lastRow: number };

/** Thrown for anything that is not a readable workbook; callers turn it into their refusal. */
export class XlsxReadError extends Error {
  constructor(readonly reason: 'not-a-workbook' | 'no-sheet') {
    super(reason);
  }
}

const REL_OFFICE = /\/officeDocument$/;
const REL_SHARED = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;
/** Built-in number formats that are dates or times (incl. the CJK ones, 27–36 and 50–58). */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);
const PHONETIC = new Set(['rPh', 'phoneticPr']);
const DAY_MS = 86_400_000;
/** Day 0 of the 1900 date system is 1899-12-30 once Excel's phantom 1900-02-29 is accounted for. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const isDateFormat = (code: string): boolean =>
  /[dmyhs]/i.test(
    code
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[(?![hms]+\])[^\]]*\]/gi, ''),
  );

type Zip = Record<string, Uint8Array>;

const xmlPart = (zip: Zip, path: string): XmlElement | undefined => {
  const bytes = zip[path];
  return bytes ? parseXml(strFromU8(bytes)) : undefined;
};

/** Resolves the targets of a part's relationships (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`). */
const relationships = (zip: Zip, part: string): { id: string; type: string; path: string }[] => {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const rels = xmlPart(zip, `${dir}_rels/${part.slice(slash + 1)}.rels`);
  if (!rels) return [];
  return elements(rels, 'Relationship').map((r) => {
    const target = r.attrs.Target ?? '';
    const segments = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
    const path: string[] = [];
    for (const s of segments) {
      if (s === '..') path.pop();
      else if (s !== '.') path.push(s);
    }
    return { id: r.attrs.Id ?? '', type: r.attrs.Type ?? '', path: path.join('/') };
  });
};

/** Column letters of a cell reference ("AB12") as a 0-based index. */
const columnIndex = (ref: string): number | undefined => {
  const letters = /^[A-Z]+/i.exec(ref)?.[0];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
};

const dateFromSerial = (serial: number, date1904: boolean): Date =>
  new Date(Math.round(serial * DAY_MS) + (date1904 ? EPOCH_1904 : EPOCH_1900));

const dateStyles = (styles: XmlElement | undefined): boolean[] => {
  if (!styles) return [];
  const custom = new Map<number, string>();
  for (const f of elements(element(styles, 'numFmts') ?? styles, 'numFmt'))
    custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '');
  const xfs = element(styles, 'cellXfs');
  return (xfs ? elements(xfs, 'xf') : []).map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id);
  });
};

/**
 * Reads the sheet named `preferred` if the workbook has it, else the first sheet.
 * Throws XlsxReadError when the bytes are not a workbook or it has no sheet.
 */
export const readSheet = (bytes: Uint8Array, preferred?: string): Sheet => {
  let zip: Zip;
  try {
    zip = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  } catch {
    throw new XlsxReadError('not-a-workbook');
  }
  try {
    const workbookPath =
      relationships(zip, '').find((r) => REL_OFFICE.test(r.type))?.path ?? 'xl/workbook.xml';
    const workbook = xmlPart(zip, workbookPath);
    if (!workbook) throw new XlsxReadError('not-a-workbook');
    const rels = relationships(zip, workbookPath);
    const date1904 = ['1', 'true'].includes(element(workbook, 'workbookPr')?.attrs.date1904 ?? '');
    const sheets = elements(element(workbook, 'sheets') ?? workbook, 'sheet');
    const chosen = sheets.find((s) => s.attrs.name === preferred) ?? sheets[0];
    const sheetPath = rels.find((r) => r.id === chosen?.attrs.id)?.path;
    const sheetXml = sheetPath ? xmlPart(zip, sheetPath) : undefined;
    if (!chosen || !sheetXml) throw new XlsxReadError(sheets.length ? 'not-a-workbook' : 'no-sheet');
    const sharedPart = rels.find((r) => REL_SHARED.test(r.type));
    const shared = sharedPart ? xmlPart(zip, sharedPart.path) : undefined;
    const strings = shared ? elements(shared, 'si').map((si) => decodeXstring(textOf(si, PHONETIC))) : [];
    const stylesPart = rels.find((r) => REL_STYLES.test(r.type));
    const isDate = dateStyles(stylesPart ? xmlPart(zip, stylesPart.path) : undefined);

    const value = (c: XmlElement): CellValue => {
      const v = element(c, 'v');
      const raw = v ? textOf(v) : '';
      switch (c.attrs.t) {
        case 's':
          return v ? (strings[Number(raw)] ?? null) : null;
        case 'inlineStr': {
          const is = element(c, 'is');
          return is ? decodeXstring(textOf(is, PHONETIC)) : null;
        }
        case 'str':
          return v ? decodeXstring(raw) : null;
        case 'b':
          return v ? raw === '1' || raw === 'true' : null;
        case 'e':
          return null;
        case 'd': {
          const d = new Date(raw.endsWith('Z') || raw.length <= 10 ? raw : `${raw}Z`);
          return v && !Number.isNaN(d.getTime()) ? d : null;
        }
        default: {
          if (!v || raw.trim() === '') return null;
          const n = Number(raw);
          if (Number.isNaN(n)) return null;
          return isDate[Number(c.attrs.s ?? 0)] ? dateFromSerial(n, date1904) : n;
        }
      }
    };

    const rows: SheetRow[] = [];
    let lastRow = 0;
    for (const r of elements(element(sheetXml, 'sheetData') ?? sheetXml, 'row')) {
      const row = r.attrs.r ? Number(r.attrs.r) : lastRow + 1;
      lastRow = Math.max(lastRow, row);
      const cells: CellValue[] = [];
      let next = 0;
      for (const c of elements(r, 'c')) {
        const col = (c.attrs.r ? columnIndex(c.attrs.r) : undefined) ?? next;
        next = col + 1;
        cells[col] = value(c);
      }
      const filled = Array.from(cells, (c) => c ?? null);
      if (filled.some((c) => c !== null)) rows.push({ row, cells: filled });
    }
    return { name: chosen.attrs.name ?? '', rows, lastRow };
  } catch (e) {
    throw e instanceof XlsxReadError ? e : new XlsxReadError('not-a-workbook');
  }
};
