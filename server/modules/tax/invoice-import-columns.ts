import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { type Table } from './invoice-import-table';

/** The 27 headers of the 全量发票查询 export, in the bureau's order (tax.md §8). */
export const INVOICE_EXPORT_HEADERS = [
  '序号',
  '发票代码',
  '发票号码',
  '数电发票号码',
  '销方识别号',
  '销方名称',
  '购方识别号',
  '购买方名称',
  '开票日期',
  '税收分类编码',
  '特定业务类型',
  '货物或应税劳务名称',
  '规格型号',
  '单位',
  '数量',
  '单价',
  '金额',
  '税率',
  '税额',
  '价税合计',
  '发票来源',
  '发票票种',
  '发票状态',
  '是否正数发票',
  '发票风险等级',
  '开票人',
  '备注',
] as const;
export type InvoiceHeader = (typeof INVOICE_EXPORT_HEADERS)[number];

/**
 * The columns the import cannot do without. The others (names, item details, remarks) are read
 * when present, so a slightly different export version still imports.
 */
export const REQUIRED_HEADERS: readonly InvoiceHeader[] = [
  '发票代码',
  '发票号码',
  '数电发票号码',
  '销方识别号',
  '购方识别号',
  '开票日期',
  '金额',
  '税率',
  '税额',
  '发票票种',
  '发票状态',
  '是否正数发票',
];

/** Headers compared without spaces (ASCII or full-width), BOM or a leading required-marker "*". */
const normalizeHeader = (h: string): string => h.replace(/[\s\u3000\uFEFF*]/g, '');

const KNOWN = new Set<string>(INVOICE_EXPORT_HEADERS);

export type ColumnMap = Map<InvoiceHeader, number>;
export type HeaderRow = { index: number; columns: ColumnMap };

/**
 * Find the header row (some exports put a title above it) among the first rows and map each
 * known header to its column. Missing required columns refuse the whole file.
 */
export const locateHeader = (table: Table): HeaderRow => {
  let best: HeaderRow | undefined;
  for (const [index, { cells }] of table.rows.slice(0, 10).entries()) {
    const columns: ColumnMap = new Map();
    cells.forEach((cell, col) => {
      const h = normalizeHeader(cell);
      if (KNOWN.has(h) && !columns.has(h as InvoiceHeader)) columns.set(h as InvoiceHeader, col);
    });
    if (columns.size > (best?.columns.size ?? 0)) best = { index, columns };
  }
  const missing = REQUIRED_HEADERS.filter((h) => !best?.columns.has(h));
  if (!best || missing.length > 0) {
    throw new DomainError(
      'MISSING_COLUMN',
      text(
        `文件缺少必需的列：${missing.join('、')}。请从电子税务局"全量发票查询"导出`,
        `The file lacks required columns: ${missing.join(', ')}. Export it from the e-tax bureau's 全量发票查询`,
      ),
      { field: missing[0] ?? 'file' },
    );
  }
  return best;
};
