import { z } from 'zod';
import { PreflightCheck, PreflightOverride } from './batch-contract';

/**
 * Contracts of batch returns from invoices (issue 15): a firm imports many clients' 数电票 exports
 * at once, reviews the small-scale VAT + surcharges returns prepared from them, and files the
 * ticked ones as a batch.
 */

const Text = z.object({ zh: z.string(), en: z.string() });
const PeriodKey = z.string().regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/);
const Money = z.string().regex(/^-?\d+\.\d{2}$/);

/** Largest bundle (a zip or one workbook), before base64. */
export const INVOICE_BUNDLE_MAX_BYTES = 40 * 1024 * 1024;

export const InvoiceBundleBody = z.strictObject({
  fileName: z.string().min(1).max(200),
  contentBase64: z.string().min(1),
});
export type InvoiceBundleBody = z.infer<typeof InvoiceBundleBody>;

export const BundleClientResult = z.object({
  companyId: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  files: z.array(z.string()),
  imported: z.number().int(),
  alreadyOnFile: z.number().int(),
  /** Rows refused, as a single import reports them (row numbers of the file named). */
  rejected: z.array(
    z.object({
      fileName: z.string(),
      row: z.number().int(),
      code: z.string(),
      field: z.string(),
      message: Text,
    }),
  ),
  /** The whole client refused (no authorization, not in the access group…). */
  error: z.object({ code: z.string(), reason: Text }).nullable(),
});
export type BundleClientResult = z.infer<typeof BundleClientResult>;

export const InvoiceBundleReport = z.object({
  files: z.number().int(),
  clients: z.array(BundleClientResult),
  /** Files or rows that named no client of the firm (or several, for a per-client file). */
  unmatched: z.array(
    z.object({ fileName: z.string(), rows: z.number().int(), code: z.string(), reason: Text }),
  ),
});
export type InvoiceBundleReport = z.infer<typeof InvoiceBundleReport>;

export const InvoiceReviewBody = z.strictObject({
  periodKey: PeriodKey,
  companyIds: z.array(z.uuid()).min(1).max(5_000),
  overrides: z.array(PreflightOverride).max(20_000).optional(),
});
export type InvoiceReviewBody = z.infer<typeof InvoiceReviewBody>;

export const InvoiceReviewRow = z.object({
  companyId: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  /** Sales by levy rate and invoice type, as the form takes them (yuan, ex-VAT). */
  sales: z.record(z.string(), z.string()),
  salesTotal: Money.nullable(),
  vat: Money.nullable(),
  surcharges: Money.nullable(),
  totalPayable: Money.nullable(),
  reliefs: z.array(Text),
  lastSales: z.string().nullable(),
  /** This period's sales against last period's, e.g. "10.0" (×); null without a last period. */
  change: z.string().nullable(),
  lineCount: z.number().int(),
  eligible: z.boolean(),
  code: z.string().nullable(),
  reason: Text.nullable(),
  checks: z.array(PreflightCheck),
});
export type InvoiceReviewRow = z.infer<typeof InvoiceReviewRow>;

export const InvoiceReview = z.object({
  periodKey: z.string(),
  periodLabel: Text,
  rows: z.array(InvoiceReviewRow),
});
export type InvoiceReview = z.infer<typeof InvoiceReview>;

export const InvoiceFilingBody = z.strictObject({
  periodKey: PeriodKey,
  /** Each ticked client with the total payable the filer saw in the review. */
  items: z
    .array(z.strictObject({ companyId: z.uuid(), confirmedTotal: Money }))
    .min(1)
    .max(5_000),
  overrides: z.array(PreflightOverride).max(20_000).optional(),
});
export type InvoiceFilingBody = z.infer<typeof InvoiceFilingBody>;
