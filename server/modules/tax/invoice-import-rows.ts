import { type LocalizedText, text } from '../../../shared/text';
import { type InvoiceLine, type InvoiceRate, type RejectedRow } from '../../../shared/tax/invoices';
import { TaxDecimal } from '../../../shared/tax/money';
import { parseIsoDate } from '../../../shared/calendar/iso-date';
import { type ColumnMap, type InvoiceHeader } from './invoice-import-columns';
import { LOST_DIGITS } from './invoice-import-table';

export type RowOutcome =
  { ok: true; line: InvoiceLine; remark: string } | { ok: false; rejected: RejectedRow };

const reject = (row: number, code: string, field: string, message: LocalizedText): RowOutcome => ({
  ok: false,
  rejected: { row, code, field, message },
});

/** 2023-01-05, 2023/1/5 10:20:30, 2023年01月05日, 20230105, or an Excel serial day number. */
export const parseInvoiceDate = (s: string): string | null => {
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  let iso: string | null = null;
  if (m) iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  else if (/^\d{5}(\.\d+)?$/.test(s)) {
    // Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included).
    iso = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86_400_000).toISOString().slice(0, 10);
  }
  const p = iso === null ? null : parseIsoDate(iso);
  return p && p.year >= 1990 && p.year <= 2100 ? iso : null;
};

/** "13%", "1.5%", "0.13", "13", 免税, 不征税 → the rate code; null when not a VAT rate in use. */
export const parseInvoiceRate = (s: string): InvoiceRate | null => {
  const v = s.replace(/\s/g, '');
  if (v === '免税') return 'exempt';
  if (v === '不征税') return 'non-taxable';
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(v);
  if (!m) return null;
  const n = new TaxDecimal(m[1] ?? '0');
  const pct = m[2] === '%' || n.greaterThanOrEqualTo(1) ? n : n.times(100);
  const code = pct.toString();
  return (['13', '9', '6', '5', '3', '1.5', '1', '0.5', '0'] as const).find((r) => r === code) ?? null;
};

/** A two-decimal amount, signed; thousands separators and a currency sign are tolerated. */
export const parseInvoiceAmount = (s: string): string | null => {
  const v = s.replace(/[,，\s¥￥]/g, '');
  const m = /^(-?\d{1,16})(?:\.(\d+))?$/.exec(v);
  if (!m) return null;
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return null;
  return fixed2(new TaxDecimal(v));
};

/** Two decimals, and never "-0.00". */
const fixed2 = (d: InstanceType<typeof TaxDecimal>): string => (d.isZero() ? '0.00' : d.toFixed(2));

const sameId = (a: string, b: string): boolean => a !== '' && a.toUpperCase() === b.toUpperCase();

/** Turn one data row into an invoice line or a rejection naming the column at fault. */
export const readRow = (
  row: number,
  cells: readonly string[],
  columns: ColumnMap,
  companyUscc: string,
): RowOutcome => {
  const get = (h: InvoiceHeader): string => {
    const i = columns.get(h);
    return i === undefined ? '' : (cells[i] ?? '');
  };
  for (const [h] of columns) {
    if (get(h) === LOST_DIGITS) {
      return reject(
        row,
        'NUMBER_PRECISION_LOST',
        h,
        text(
          `${h} 以数字格式保存，位数已丢失；请以文本格式导出`,
          `${h} was stored as a number and lost digits; export it as text`,
        ),
      );
    }
  }

  const digital = get('数电发票号码');
  const code = get('发票代码');
  const legacyNumber = get('发票号码');
  let invoiceNumber: string;
  if (/^\d{20}$/.test(digital)) invoiceNumber = digital;
  else if (digital === '' && /^\d{20}$/.test(legacyNumber) && code === '') invoiceNumber = legacyNumber;
  else if (digital === '' && /^(\d{10}|\d{12})$/.test(code) && /^\d{8}$/.test(legacyNumber))
    invoiceNumber = code + legacyNumber;
  else {
    return reject(
      row,
      'BAD_INVOICE_NUMBER',
      '数电发票号码',
      text(
        '数电发票号码应为 20 位数字（或发票代码加 8 位发票号码）',
        'The 数电 invoice number must be 20 digits (or an invoice code plus an 8-digit number)',
      ),
    );
  }

  const issueDate = parseInvoiceDate(get('开票日期'));
  if (issueDate === null)
    return reject(
      row,
      'BAD_DATE',
      '开票日期',
      text(
        `开票日期无效：${get('开票日期') || '（空）'}`,
        `Invalid issue date: ${get('开票日期') || '(empty)'}`,
      ),
    );

  const sellerId = get('销方识别号');
  const buyerId = get('购方识别号');
  const isSeller = sameId(sellerId, companyUscc);
  const isBuyer = sameId(buyerId, companyUscc);
  if (isSeller === isBuyer) {
    return reject(
      row,
      'NOT_OUR_INVOICE',
      '销方识别号',
      text(
        '销方和购方识别号均不是（或同时是）本企业的统一社会信用代码',
        "Neither (or both) of seller and buyer is this company's USCC",
      ),
    );
  }

  const rate = parseInvoiceRate(get('税率'));
  if (rate === null)
    return reject(
      row,
      'BAD_RATE',
      '税率',
      text(`税率无效：${get('税率') || '（空）'}`, `Invalid rate: ${get('税率') || '(empty)'}`),
    );

  const amounts: Partial<Record<'金额' | '税额' | '价税合计', string>> = {};
  for (const h of ['金额', '税额', '价税合计'] as const) {
    const raw = get(h);
    if (raw === '' && h === '价税合计') continue;
    const v = parseInvoiceAmount(raw);
    if (v === null)
      return reject(
        row,
        'BAD_AMOUNT',
        h,
        text(
          `${h}无效：${raw || '（空）'}（最多两位小数）`,
          `Invalid ${h}: ${raw || '(empty)'} (at most 2 decimals)`,
        ),
      );
    amounts[h] = v;
  }
  const amount = new TaxDecimal(amounts['金额'] ?? '0');
  const tax = new TaxDecimal(amounts['税额'] ?? '0');
  const total = amounts['价税合计'] === undefined ? amount.plus(tax) : new TaxDecimal(amounts['价税合计']);
  if (!amount.plus(tax).equals(total)) {
    return reject(
      row,
      'BAD_AMOUNT',
      '价税合计',
      text('价税合计不等于金额加税额', 'The total does not equal amount plus tax'),
    );
  }

  const positive = get('是否正数发票');
  if (!['', '是', '否'].includes(positive)) {
    return reject(
      row,
      'BAD_RED_FLAG',
      '是否正数发票',
      text('是否正数发票应为"是"或"否"', '是否正数发票 must be 是 or 否'),
    );
  }
  const invoiceType = get('发票票种');
  if (invoiceType === '')
    return reject(row, 'BAD_INVOICE_TYPE', '发票票种', text('发票票种为空', 'The invoice type is empty'));

  return {
    ok: true,
    remark: get('备注'),
    line: {
      row,
      invoiceNumber,
      issueDate,
      direction: isSeller ? 'issued' : 'received',
      kind: invoiceType.includes('专用') ? 'special' : 'ordinary',
      red: positive === '否',
      rate,
      amount: fixed2(amount),
      tax: fixed2(tax),
      total: fixed2(total),
      sellerId,
      sellerName: get('销方名称'),
      buyerId,
      buyerName: get('购买方名称'),
      itemName: get('货物或应税劳务名称'),
      taxCategoryCode: get('税收分类编码'),
      specialBusiness: get('特定业务类型'),
      invoiceType,
      status: get('发票状态'),
    },
  };
};

/** Same invoice, same line content: a line exported twice (overlapping exports pasted together). */
export const lineKey = (line: InvoiceLine, cells: readonly string[], columns: ColumnMap): string => {
  const pick = (h: InvoiceHeader): string => {
    const i = columns.get(h);
    return i === undefined ? '' : (cells[i] ?? '');
  };
  return [
    line.invoiceNumber,
    line.itemName,
    pick('规格型号'),
    pick('单位'),
    pick('数量'),
    pick('单价'),
    line.amount,
    line.rate,
    line.tax,
  ].join('\u0001');
};
