import { z } from 'zod';
import { ObligationPeriod } from '../calendar/obligations';
import { InvoiceLine, InvoiceSummary } from '../tax/invoices';
import { TaxPeriod } from '../tax/period';
import { ReturnComputation, ReturnFacts, ReturnForm, ReturnInput } from './tax-return';

/**
 * Contracts of tax filing on the platform (issue 5): due items, returns (draft → submitted →
 * accepted, corrections as new versions), payments (simulated 缴款) and invoice imports. The
 * public calculate and deadlines contracts live with the engine and the calendar.
 */

export * from './tax-return';
export * from './tax-period';

const Text = z.object({ zh: z.string(), en: z.string() });
const Instant = z.iso.datetime({ offset: true });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Money = z.string().regex(/^-?\d+\.\d{2}$/);

export const TaxKind = z.enum(['vat', 'cit-prepay', 'cit-annual']);
export type TaxKind = z.infer<typeof TaxKind>;

export const ReturnStatus = z.enum(['draft', 'submitted', 'accepted']);
export type ReturnStatus = z.infer<typeof ReturnStatus>;

/** Where a due item stands today. */
export const DueState = z.enum(['period-open', 'due', 'overdue', 'unpaid']);
export type DueState = z.infer<typeof DueState>;

export const DueItem = z.object({
  companyId: z.uuid(),
  companyName: z.string(),
  tax: TaxKind,
  /** The form filed on the platform; null for the annual settlement (filed at the e-tax bureau). */
  form: ReturnForm.nullable(),
  period: ObligationPeriod,
  /** "2026-Q3", "2026-10" or "2025" (annual). */
  periodKey: z.string(),
  dueDate: IsoDate,
  /** Negative once the deadline has passed. */
  daysLeft: z.number().int(),
  /** The official table, a computation from the holidays, or the bare statutory 15th. */
  sourceOfDate: z.enum(['official', 'computed', 'statutory']),
  state: DueState,
  draftReturnId: z.uuid().nullable(),
  /** For `unpaid`: the accepted return and its payment. */
  returnId: z.uuid().nullable(),
  paymentId: z.uuid().nullable(),
  amountDue: Money.nullable(),
  /** No sales on file for the period: the home page offers 零申报 as one action. */
  zeroFilingOffered: z.boolean(),
  /** Whether the person asking may file (tax.file) / pay (tax.pay) for the company now. */
  canFile: z.boolean(),
  canPay: z.boolean(),
});
export type DueItem = z.infer<typeof DueItem>;

export const DueList = z.object({ today: IsoDate, items: z.array(DueItem) });
export type DueList = z.infer<typeof DueList>;

export const ReturnSignature = z.object({
  algorithm: z.literal('HMAC-SM3'),
  /** SM3 of the canonical return content (company, form, period, input, computation). */
  contentDigest: z.string(),
  sessionId: z.uuid(),
  signedAt: Instant,
  value: z.string(),
});
export type ReturnSignature = z.infer<typeof ReturnSignature>;

export const PaymentView = z.object({
  id: z.uuid(),
  returnId: z.uuid(),
  amount: Money,
  /** cancelled: replaced by the payment of a correction before it was paid. */
  status: z.enum(['due', 'paid', 'cancelled']),
  dueDate: IsoDate,
  paidAt: Instant.nullable(),
  /** 电子缴款凭证号 of the simulated payment. */
  voucherNumber: z.string().nullable(),
  certificate: z
    .object({ number: z.string(), licenceId: z.uuid().nullable(), identifier: z.string().nullable() })
    .nullable(),
});
export type PaymentView = z.infer<typeof PaymentView>;

export const ReturnSummary = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  tax: TaxKind,
  form: ReturnForm,
  period: TaxPeriod,
  periodKey: z.string(),
  version: z.number().int(),
  status: ReturnStatus,
  zeroFiling: z.boolean(),
  /** True once a later version (更正申报) of the same period is accepted. */
  superseded: z.boolean(),
  totalPayable: Money.nullable(),
  /** What this version adds to (or, negative, takes off) the versions before it. */
  difference: Money.nullable(),
  dueDate: IsoDate,
  late: z.boolean(),
  receiptNumber: z.string().nullable(),
  createdAt: Instant,
  submittedAt: Instant.nullable(),
  acceptedAt: Instant.nullable(),
});
export type ReturnSummary = z.infer<typeof ReturnSummary>;

export const ReturnList = z.object({ returns: z.array(ReturnSummary) });
export type ReturnList = z.infer<typeof ReturnList>;

export const ReturnDetail = ReturnSummary.extend({
  companyName: z.string(),
  uscc: z.string(),
  input: ReturnInput,
  facts: ReturnFacts,
  /** Null for a draft whose figures do not compute yet. */
  computation: ReturnComputation.nullable(),
  /** Why a draft does not compute (the engine's refusal). */
  problem: z.object({ code: z.string(), message: Text, field: z.string().nullable() }).nullable(),
  signature: ReturnSignature.nullable(),
  filer: z.object({ name: z.string(), actingAs: z.string() }).nullable(),
  bureauNote: Text.nullable(),
  payment: PaymentView.nullable(),
  /** Every version of this period, oldest first (the history corrections keep). */
  versions: z.array(ReturnSummary),
});
export type ReturnDetail = z.infer<typeof ReturnDetail>;

export const ReturnParams = z.strictObject({ companyId: z.uuid(), returnId: z.uuid() });
export type ReturnParams = z.infer<typeof ReturnParams>;
export const PaymentParams = z.strictObject({ companyId: z.uuid(), paymentId: z.uuid() });
export type PaymentParams = z.infer<typeof PaymentParams>;

/** Saving a draft: figures may still be incomplete; they are checked on submission. */
export const SaveDraftBody = z.strictObject({ period: TaxPeriod, input: ReturnInput });
export type SaveDraftBody = z.infer<typeof SaveDraftBody>;

export const SubmitBody = z.strictObject({
  period: TaxPeriod,
  input: ReturnInput,
  /** 更正申报: a new version of an accepted return. */
  correction: z.boolean().optional(),
  /**
   * The total the filer saw on the confirmation. The platform recomputes and refuses a
   * submission whose total differs (COMPUTATION_CHANGED), so nobody files a figure they did not see.
   */
  confirmedTotal: Money,
});
export type SubmitBody = z.infer<typeof SubmitBody>;

export const ZeroReturnBody = z.strictObject({ period: TaxPeriod });
export type ZeroReturnBody = z.infer<typeof ZeroReturnBody>;

export const PrefillQuery = z.strictObject({
  form: ReturnForm,
  periodKey: z.string().regex(/^\d{4}-(Q[1-4]|\d{2})$/),
  correction: z.enum(['true', 'false']).optional(),
});
export type PrefillQuery = z.infer<typeof PrefillQuery>;

export const Prefill = z.object({
  form: ReturnForm,
  period: TaxPeriod,
  periodKey: z.string(),
  dueDate: IsoDate,
  periodEnded: z.boolean(),
  late: z.boolean(),
  facts: ReturnFacts,
  /** The figures to start from: a saved draft, the version being corrected, or the invoices. */
  input: ReturnInput,
  inputSource: z.enum(['draft', 'previous-version', 'invoices', 'empty']),
  draftReturnId: z.uuid().nullable(),
  /** The accepted version a correction replaces. */
  corrects: ReturnSummary.nullable(),
  invoices: InvoiceSummary.nullable(),
  company: z.object({ name: z.string(), uscc: z.string(), taxpayerType: z.enum(['small-scale', 'general']) }),
});
export type Prefill = z.infer<typeof Prefill>;

export const InvoiceLinesQuery = z.strictObject({
  periodKey: z.string().regex(/^\d{4}-(Q[1-4]|\d{2})$/),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type InvoiceLinesQuery = z.infer<typeof InvoiceLinesQuery>;

export const InvoiceLinesPage = z.object({
  total: z.number().int(),
  lines: z.array(InvoiceLine.extend({ id: z.uuid() })),
});
export type InvoiceLinesPage = z.infer<typeof InvoiceLinesPage>;

/** Largest invoice export accepted (about 60,000 lines of CSV). */
export const INVOICE_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const InvoiceImportBody = z.strictObject({
  fileName: z.string().min(1).max(200),
  contentBase64: z.string().min(1),
});
export type InvoiceImportBody = z.infer<typeof InvoiceImportBody>;

const ReportRow = z.object({ row: z.number().int(), code: z.string(), field: z.string(), message: Text });

export const InvoiceImportReport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  rowCount: z.number().int(),
  /** New lines stored by this import. */
  importedCount: z.number().int(),
  /** Lines already on file from an earlier import (overlapping exports). */
  alreadyOnFile: z.number().int(),
  /** Stored lines of invoices this export shows as voided or fully red-flushed, now removed. */
  removedCount: z.number().int(),
  rejected: z.array(ReportRow),
  excluded: z.array(
    z.object({ row: z.number().int(), invoiceNumber: z.string(), reason: z.string(), message: Text }),
  ),
  /** Periods ("2026-Q3", "2026-08") the imported lines fall in. */
  periods: z.array(z.string()),
  importedBy: z.string(),
  createdAt: Instant,
});
export type InvoiceImportReport = z.infer<typeof InvoiceImportReport>;

export const InvoiceImportList = z.object({ imports: z.array(InvoiceImportReport) });
export type InvoiceImportList = z.infer<typeof InvoiceImportList>;
