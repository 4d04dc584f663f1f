/**
 * Writes a one-sheet .xlsx workbook: text and number cells, optional column widths, a bold
 * frozen header row, and columns formatted as text (so Excel keeps a USCC from becoming 9.1E+17).
 */
import { strToU8, zipSync } from 'fflate';
import { encodeXstring } from './cell-text';
import { escapeXml } from './xml';

export type WriteCell = string | number | null;
export type SheetSpec = {
  name: string;
  rows: readonly (readonly WriteCell[])[];
  /** Column widths in characters, from column A. */
  widths?: readonly number[];
  /** The first row is a header: bold, and frozen when scrolling. */
  header?: boolean;
  /** 0-based columns whose cells are text (number format `@`). */
  textColumns?: readonly number[];
};

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Style indexes into cellXfs below. */
const PLAIN = 0;
const BOLD = 1;
const TEXT = 2;
const BOLD_TEXT = 3;

const STYLES = `${HEAD}<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const column = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const attr = (s: string): string => escapeXml(encodeXstring(s));

export const writeSheet = (spec: SheetSpec): Buffer => {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const text = new Set(spec.textColumns ?? []);
  const rowsXml = spec.rows
    .map((cells, r) => {
      const bold = spec.header === true && r === 0;
      const xml = cells
        .map((v, c) => {
          const style = text.has(c) ? (bold ? BOLD_TEXT : TEXT) : bold ? BOLD : PLAIN;
          const s = style === PLAIN ? '' : ` s="${style}"`;
          const ref = `${column(c)}${r + 1}`;
          if (v === null || v === '') return style === PLAIN ? '' : `<c r="${ref}"${s}/>`;
          if (typeof v === 'number')
            return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s}/>`;
          return `<c r="${ref}"${s} t="s"><v>${shared(v)}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  const widths = spec.widths ?? [];
  const cols = widths.length
    ? `<cols>${widths
        .map((w, i) => {
          const s = text.has(i) ? ` style="${TEXT}"` : '';
          return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${s}/>`;
        })
        .join('')}</cols>`
    : '';
  const pane = spec.header
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>'
    : '';
  const sheet = `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rowsXml}</sheetData></worksheet>`;
  const sst = `${HEAD}<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => `<si><t xml:space="preserve">${attr(s)}</t></si>`)
    .join('')}</sst>`;
  const files = {
    '[Content_Types].xml': `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${attr(spec.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
    'xl/styles.xml': STYLES,
    'xl/sharedStrings.xml': sst,
  };
  return Buffer.from(
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { level: 6 }),
  );
};
