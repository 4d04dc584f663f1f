import { z } from 'zod';
import { TaxPeriod } from './period';

/*
 * Invoice lines read from the e-tax bureau's 全量发票查询 export (tax.md §8) and their summary for a
 * return. Amounts are exact two-decimal strings; red-letter (negative) lines keep their sign.
 */

const SignedMoney = z.string().regex(/^-?\d+\.\d{2}$/);

/** The rate as printed: a percentage ("13", "1.5") or 免税 / 不征税. */
export const INVOICE_RATES = [
  '13',
  '9',
  '6',
  '5',
  '3',
  '1.5',
  '1',
  '0.5',
  '0',
  'exempt',
  'non-taxable',
] as const;
export const InvoiceRate = z.enum(INVOICE_RATES);
export type InvoiceRate = z.infer<typeof InvoiceRate>;

export const InvoiceDirection = z.enum(['issued', 'received']);
export type InvoiceDirection = z.infer<typeof InvoiceDirection>;

/** 增值税专用发票 versus every other kind (普通发票, 机动车销售统一发票, …). */
export const InvoiceKind = z.enum(['special', 'ordinary']);
export type InvoiceKind = z.infer<typeof InvoiceKind>;

export const InvoiceLine = z.object({
  /** Row in the source sheet (1-based, as a spreadsheet shows it). */
  row: z.number().int(),
  /** 数电发票号码 (20 digits), or 发票代码 + 发票号码 for a legacy invoice. */
  invoiceNumber: z.string(),
  issueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  direction: InvoiceDirection,
  kind: InvoiceKind,
  /** 是否正数发票 = 否: a red-letter line offsetting a blue invoice. */
  red: z.boolean(),
  rate: InvoiceRate,
  amount: SignedMoney,
  tax: SignedMoney,
  total: SignedMoney,
  sellerId: z.string(),
  sellerName: z.string(),
  buyerId: z.string(),
  buyerName: z.string(),
  itemName: z.string(),
  taxCategoryCode: z.string(),
  /** 特定业务类型, e.g. 不动产销售, 差额征税 (empty for most lines). */
  specialBusiness: z.string(),
  invoiceType: z.string(),
  status: z.string(),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

const Text = z.object({ zh: z.string(), en: z.string() });

export const RejectedRow = z.object({
  row: z.number().int(),
  code: z.string(),
  message: Text,
  field: z.string(),
});
export type RejectedRow = z.infer<typeof RejectedRow>;

export const ExcludedRow = z.object({
  row: z.number().int(),
  invoiceNumber: z.string(),
  reason: z.enum(['voided', 'red-flushed', 'offsets-red-flushed']),
  message: Text,
});
export type ExcludedRow = z.infer<typeof ExcludedRow>;

export const InvoiceImportResult = z.object({
  format: z.enum(['xlsx', 'csv']),
  /** The sheet read (xlsx only). */
  sheet: z.string().nullable(),
  /** Non-blank data rows read. */
  rowCount: z.number().int(),
  lines: z.array(InvoiceLine),
  excluded: z.array(ExcludedRow),
  rejected: z.array(RejectedRow),
});
export type InvoiceImportResult = z.infer<typeof InvoiceImportResult>;

export const InvoiceTotal = z.object({
  direction: InvoiceDirection,
  rate: InvoiceRate,
  kind: InvoiceKind,
  amount: SignedMoney,
  tax: SignedMoney,
  lineCount: z.number().int(),
});
export type InvoiceTotal = z.infer<typeof InvoiceTotal>;

export const UnmappedTotal = InvoiceTotal.extend({ reason: Text });
export type UnmappedTotal = z.infer<typeof UnmappedTotal>;

export const InvoiceSummary = z.object({
  period: TaxPeriod,
  lineCount: z.number().int(),
  /** Net totals (blue + red) by direction × rate × kind. */
  totals: z.array(InvoiceTotal),
  /** Pre-fill for vat-small-scale `sales` (issued invoices only). */
  smallScale: z.object({
    sales: z.object({
      general1pct: SignedMoney,
      special1pct: SignedMoney,
      special3pct: SignedMoney,
      realEstate5pct: SignedMoney,
    }),
    unmapped: z.array(UnmappedTotal),
  }),
  /** Pre-fill for vat-general: issued sales per rate, input tax on received special invoices. */
  general: z.object({
    salesByRate: z.record(z.string(), SignedMoney),
    inputTax: SignedMoney,
    unmapped: z.array(UnmappedTotal),
  }),
  warnings: z.array(z.object({ code: z.string(), field: z.string(), text: Text })),
});
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;
