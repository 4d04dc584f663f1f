import { z } from 'zod';
import { AnnualReportBatchParams } from './annual-report-batch';

/**
 * Contracts of batches (issue 7): a job over many client companies whose items are processed one
 * by one, each in its own transaction, resumable after a restart and idempotent.
 */

const Text = z.object({ zh: z.string(), en: z.string() });
const Instant = z.iso.datetime({ offset: true });
const PeriodKey = z.string().regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/);

export const BatchKind = z.enum([
  'zero-filing',
  'receipt-export',
  'delegation-renewal',
  'invoice-filing',
  'annual-report',
]);
export type BatchKind = z.infer<typeof BatchKind>;

export const BatchStatus = z.enum(['running', 'done', 'cancelled']);
export type BatchStatus = z.infer<typeof BatchStatus>;

export const BatchItemStatus = z.enum(['pending', 'running', 'done', 'skipped', 'failed', 'cancelled']);
export type BatchItemStatus = z.infer<typeof BatchItemStatus>;

export const BatchCounts = z.object({
  pending: z.number().int(),
  running: z.number().int(),
  done: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
});
export type BatchCounts = z.infer<typeof BatchCounts>;

export const BatchView = z.object({
  id: z.uuid(),
  kind: BatchKind,
  firmId: z.uuid().nullable(),
  status: BatchStatus,
  /** What the batch is about, in words ("2026年第1季度 增值税零申报"). */
  title: Text,
  total: z.number().int(),
  counts: BatchCounts,
  ownerName: z.string(),
  createdAt: Instant,
  finishedAt: Instant.nullable(),
  /** A file to download once done (receipt export). */
  hasOutput: z.boolean(),
});
export type BatchView = z.infer<typeof BatchView>;

export const BatchItemView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  companyId: z.uuid(),
  companyName: z.string(),
  uscc: z.string(),
  status: BatchItemStatus,
  attempts: z.number().int(),
  /** What was done, in words (receipt number, "already filed on …"). */
  outcome: Text.nullable(),
  error: z.object({ code: z.string(), message: Text }).nullable(),
  finishedAt: Instant.nullable(),
});
export type BatchItemView = z.infer<typeof BatchItemView>;

export const BatchDetail = BatchView.extend({ items: z.array(BatchItemView) });
export type BatchDetail = z.infer<typeof BatchDetail>;

export const BatchList = z.object({ batches: z.array(BatchView) });
export type BatchList = z.infer<typeof BatchList>;

export const BatchParams = z.strictObject({ firmId: z.uuid(), batchId: z.uuid() });
export type BatchParams = z.infer<typeof BatchParams>;

/** The SSE event `batch.progress` sent to the batch owner as items finish. */
export const BatchProgressData = z.object({
  batchId: z.uuid(),
  firmId: z.uuid().nullable(),
  status: BatchStatus,
  total: z.number().int(),
  counts: BatchCounts,
});
export type BatchProgressData = z.infer<typeof BatchProgressData>;

/** Which clients: a list, or every visible client with no sales on file for the period. */
export const ClientSelection = z.union([
  z.strictObject({ companyIds: z.array(z.uuid()).min(1).max(20_000) }),
  z.strictObject({ selector: z.literal('no-sales') }),
]);
export type ClientSelection = z.infer<typeof ClientSelection>;

/** 零申报 covers VAT with its surcharges (the tax module files nil VAT returns). */
export const ZeroFilingTax = z.enum(['vat']);
export type ZeroFilingTax = z.infer<typeof ZeroFilingTax>;

/** A pre-flight finding a person lets pass for one client, with why (audited). */
export const PreflightOverride = z.strictObject({
  companyId: z.uuid(),
  code: z.string().min(1).max(60),
  note: z.string().trim().min(2).max(500),
});
export type PreflightOverride = z.infer<typeof PreflightOverride>;

/**
 * What each kind of batch is made with: written with the batch (`batches.params`) and read back
 * with the same schema by the kind's handlers, so a renamed field is a compile error on both ends.
 */
export const BATCH_KIND_PARAMS = {
  'zero-filing': z.object({ tax: ZeroFilingTax, periodKey: PeriodKey, sessionId: z.string() }),
  'receipt-export': z.object({ periodKey: PeriodKey }),
  'delegation-renewal': z.object({ withinDays: z.number().int().min(1).max(365) }),
  'invoice-filing': z.object({
    periodKey: PeriodKey,
    sessionId: z.string(),
    /** The total payable the filer reviewed, per client. */
    totals: z.record(z.string(), z.string()),
  }),
  'annual-report': AnnualReportBatchParams,
} as const satisfies Record<BatchKind, z.ZodType>;
export type BatchKindParams<K extends BatchKind> = z.infer<(typeof BATCH_KIND_PARAMS)[K]>;

export const ZeroFilingBody = z.strictObject({
  tax: ZeroFilingTax.default('vat'),
  periodKey: PeriodKey,
  clients: ClientSelection,
  overrides: z.array(PreflightOverride).max(20_000).optional(),
});
export type ZeroFilingBody = z.infer<typeof ZeroFilingBody>;

/** One pre-flight check that found something (shared/firms/preflight.ts). */
export const PreflightCheck = z.object({
  code: z.string(),
  reason: Text,
  overridable: z.boolean(),
  overridden: z.boolean(),
});
export type PreflightCheck = z.infer<typeof PreflightCheck>;

export const EligibilityRow = z.object({
  companyId: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  eligible: z.boolean(),
  code: z.string().nullable(),
  reason: Text.nullable(),
  /** Every pre-flight finding, overridable ones included (shown per client, with the override). */
  checks: z.array(PreflightCheck),
});
export type EligibilityRow = z.infer<typeof EligibilityRow>;

export const ZeroFilingPreview = z.object({
  tax: ZeroFilingTax,
  periodKey: z.string(),
  periodLabel: Text,
  eligibleCount: z.number().int(),
  rows: z.array(EligibilityRow),
});
export type ZeroFilingPreview = z.infer<typeof ZeroFilingPreview>;

export const ReceiptExportBody = z.strictObject({ periodKey: PeriodKey, clients: ClientSelection });
export type ReceiptExportBody = z.infer<typeof ReceiptExportBody>;

export const RenewalBatchBody = z.strictObject({
  /** Every authorization of the firm ending within this many days (and not already being renewed). */
  withinDays: z.number().int().min(1).max(365),
});
export type RenewalBatchBody = z.infer<typeof RenewalBatchBody>;
