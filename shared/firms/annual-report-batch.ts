import { z } from 'zod';
import { DomainError } from '../domain-error';
import { text, type LocalizedText } from '../text';
import {
  AnnualReportContent,
  Withholdable,
  reportFields,
  type ReportField,
} from '../lifecycle/annual-report-fields';

/**
 * Batch annual reports for firm clients (issue 14, lifecycle.md §3.4 "firms by batch"): the firm
 * reviews, per client, what the platform prefilled and what it must supply, then files the ticked
 * clients' reports as one batch (kind `annual-report`).
 */

const Text = z.object({ zh: z.string(), en: z.string() });
const Year = z.number().int().min(1990).max(2100);

/** Which clients: a list, or every visible client with the report on the year still missing. */
export const AnnualReportClients = z.union([
  z.strictObject({ companyIds: z.array(z.uuid()).min(1).max(5_000) }),
  z.strictObject({ selector: z.literal('due') }),
]);
export type AnnualReportClients = z.infer<typeof AnnualReportClients>;

export const AnnualReportReviewBody = z.strictObject({ reportYear: Year, clients: AnnualReportClients });
export type AnnualReportReviewBody = z.infer<typeof AnnualReportReviewBody>;

/** One client of the review: why it cannot be filed (if so), what was prefilled, what is missing. */
export const AnnualReportReviewRow = z.object({
  companyId: z.uuid(),
  /** Masked for a client outside the member's access groups. */
  name: z.string(),
  uscc: z.string(),
  /** A refusal (authority, access group, already filed, earlier year missing…) — excluded outright. */
  code: z.string().nullable(),
  reason: Text.nullable(),
  late: z.boolean(),
  /** Days left until 30 June, when the report is in its window. */
  daysLeft: z.number().int().nullable(),
  /** The items the platform knows (empty when refused or masked). */
  content: AnnualReportContent.partial(),
  sources: z.record(z.string(), z.string()),
  /** Items the firm must supply before this client can be filed. */
  missing: z.array(z.string()),
  withheld: z.array(Withholdable),
});
export type AnnualReportReviewRow = z.infer<typeof AnnualReportReviewRow>;

export const AnnualReportReview = z.object({
  reportYear: z.number().int(),
  rows: z.array(AnnualReportReviewRow),
  /** Clients that can be filed now, no item missing. */
  readyCount: z.number().int(),
  /** Clients that can be filed once their missing items are supplied. */
  incompleteCount: z.number().int(),
});
export type AnnualReportReview = z.infer<typeof AnnualReportReview>;

export const AnnualReportBatchItem = z.strictObject({
  companyId: z.uuid(),
  /** The items the firm supplies (the missing ones; a supplied item also replaces a prefilled one). */
  supplied: AnnualReportContent.partial().default({}),
  /** What the company withholds from the public; the prefilled choice when omitted. */
  withheld: z.array(Withholdable).max(20).optional(),
});
export type AnnualReportBatchItem = z.infer<typeof AnnualReportBatchItem>;

export const AnnualReportBatchBody = z.strictObject({
  reportYear: Year,
  items: z
    .array(AnnualReportBatchItem)
    .min(1)
    .max(5_000)
    .refine((items) => new Set(items.map((i) => i.companyId)).size === items.length, {
      message: '每家客户只能出现一次 / Each client may appear once',
    }),
});
export type AnnualReportBatchBody = z.infer<typeof AnnualReportBatchBody>;

/** What the batch stores: per client, the complete report the firm reviewed. */
export const AnnualReportBatchParams = z.object({
  reportYear: Year,
  reports: z.record(z.string(), z.object({ content: AnnualReportContent, withheld: z.array(Withholdable) })),
});

/** Items in the order of the form. */
const ORDER: readonly ReportField[] = reportFields.map((f) => f.key);

/** The items still missing once the firm's supplied items are laid over the prefill (form order). */
export const missingItems = (known: Partial<AnnualReportContent>): ReportField[] =>
  ORDER.filter((k) => known[k] === undefined);

/** The item's label, for messages that name what is missing. */
const labelOf = (k: ReportField): LocalizedText => reportFields.find((f) => f.key === k)!.label;

/**
 * The complete report of one client: prefill, then what the firm supplied. A client with an item
 * still missing, or an item that is not valid, is refused with the first such item named — it
 * cannot be filed until completed or left out of the batch.
 */
export const completeReport = (
  prefill: Partial<AnnualReportContent>,
  supplied: Partial<AnnualReportContent>,
  field: string,
): AnnualReportContent => {
  const merged = { ...prefill, ...supplied };
  const missing = missingItems(merged);
  if (missing.length > 0) {
    const names = missing.map(labelOf);
    throw new DomainError(
      'ANNUAL_REPORT_INCOMPLETE',
      text(
        `尚缺 ${names.map((n) => n.zh).join('、')}，请补充或不选该客户。`,
        `Missing: ${names.map((n) => n.en).join(', ')}. Supply them or leave this client out.`,
      ),
      { field: `${field}.${missing[0]}` },
    );
  }
  const parsed = AnnualReportContent.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError(
      'ANNUAL_REPORT_ITEM_INVALID',
      text(`填写的内容有误：${issue.message}`, `An item is not valid: ${issue.message}`),
      { field: `${field}.${issue.path.join('.')}` },
    );
  }
  return parsed.data;
};
