import { z } from 'zod';
import { DisclosedChange, ReductionNotice } from './changes';
import { AnnualReportContent, Withholdable } from '../lifecycle/annual-report-fields';

/** Request and response schemas of the annual report (企业年报) and disclosure routes. */

const Localized = z.object({ zh: z.string(), en: z.string() });
const Year = z.coerce.number().int().min(1990).max(2100);

export const AnnualReportParams = z.strictObject({ companyId: z.uuid() });
export const AnnualReportYearParams = z.strictObject({ companyId: z.uuid(), year: Year });
export type AnnualReportYearParams = z.infer<typeof AnnualReportYearParams>;

export const AnnualReportDueView = z.object({
  openYear: z.number().int().nullable(),
  daysLeft: z.number().int().nullable(),
  closesOn: z.string().nullable(),
  overdueYears: z.array(z.number().int()),
  missingYears: z.array(z.number().int()),
});
export type AnnualReportDueView = z.infer<typeof AnnualReportDueView>;

/** Annual reports due or overdue across the caller's companies. */
export const MyAnnualReportsDue = z.object({
  today: z.string(),
  items: z.array(
    z.object({ companyId: z.uuid(), companyName: z.string(), uscc: z.string(), due: AnnualReportDueView }),
  ),
});
export type MyAnnualReportsDue = z.infer<typeof MyAnnualReportsDue>;

/** Applying for removal from the abnormal list takes no input. */
export const RemovalBody = z.strictObject({});

export const AbnormalListEntryView = z.object({
  reportYear: z.number().int(),
  reason: Localized,
  listedOn: z.string(),
  removalAppliedAt: z.iso.datetime({ offset: true }).nullable(),
  removedOn: z.string().nullable(),
});
export type AbnormalListEntryView = z.infer<typeof AbnormalListEntryView>;

export const AnnualReportVersionView = z.object({
  id: z.uuid(),
  reportYear: z.number().int(),
  version: z.number().int(),
  late: z.boolean(),
  filedAt: z.iso.datetime({ offset: true }),
  supersededAt: z.iso.datetime({ offset: true }).nullable(),
  correctionNote: z.string().nullable(),
  withheld: z.array(z.string()),
  content: AnnualReportContent,
});
export type AnnualReportVersionView = z.infer<typeof AnnualReportVersionView>;

/** A company's annual report standing: what is due, what was filed, whether it is listed. */
export const AnnualReportOverview = z.object({
  today: z.string(),
  establishedOn: z.string(),
  due: AnnualReportDueView,
  reports: z.array(AnnualReportVersionView),
  /** Report years whose correction is still open. */
  correctable: z.array(z.number().int()),
  abnormalList: z.object({ listed: z.boolean(), entries: z.array(AbnormalListEntryView) }),
});
export type AnnualReportOverview = z.infer<typeof AnnualReportOverview>;

/** A prefilled item: the value the platform knows and where it came from; null = ask the filer. */
export const PrefillSource = z.enum([
  'registration',
  'registration-application',
  'company-roles',
  'tax-returns',
  'previous-report',
  'none',
]);
export type PrefillSource = z.infer<typeof PrefillSource>;

export const AnnualReportPrefill = z.object({
  reportYear: z.number().int(),
  late: z.boolean(),
  /** Partial: the items the platform knows. The form asks for the rest (`ask`). */
  content: AnnualReportContent.partial(),
  sources: z.record(z.string(), PrefillSource),
  ask: z.array(z.string()),
  withheld: z.array(Withholdable),
  known: z.object({
    socialInsuranceRegistration: z.string().nullable(),
    licences: z.array(
      z.object({ identifier: z.string(), name: Localized, validUntil: z.string().nullable() }),
    ),
    taxReturnsCounted: z.number().int(),
  }),
});
export type AnnualReportPrefill = z.infer<typeof AnnualReportPrefill>;

export const FileAnnualReportBody = z.strictObject({
  reportYear: z.number().int().min(1990).max(2100),
  content: AnnualReportContent,
  withheld: z.array(Withholdable).max(20),
});
export type FileAnnualReportBody = z.infer<typeof FileAnnualReportBody>;

export const CorrectAnnualReportBody = z.strictObject({
  content: AnnualReportContent,
  withheld: z.array(Withholdable).max(20),
  note: z.string().trim().min(1).max(500),
});
export type CorrectAnnualReportBody = z.infer<typeof CorrectAnnualReportBody>;

export const AnnualReportFiled = z.object({
  id: z.uuid(),
  reportYear: z.number().int(),
  version: z.number().int(),
  late: z.boolean(),
  filedAt: z.iso.datetime({ offset: true }),
  /** Where the public sees it. */
  disclosurePath: z.string(),
});
export type AnnualReportFiled = z.infer<typeof AnnualReportFiled>;

export const RemovalResult = z.object({
  removed: z.array(z.number().int()),
  removedOn: z.string(),
});
export type RemovalResult = z.infer<typeof RemovalResult>;

// ---- Public disclosure page (国家企业信用信息公示系统 stand-in) ----

export const DisclosureParams = z.strictObject({ uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/) });

const PublicItem = z.object({ key: z.string(), published: z.boolean(), value: z.unknown().optional() });

export const DisclosedReport = z.object({
  reportYear: z.number().int(),
  version: z.number().int(),
  filedAt: z.iso.datetime({ offset: true }),
  late: z.boolean(),
  superseded: z.boolean(),
  correctionNote: z.string().nullable(),
  items: z.array(PublicItem),
});
export type DisclosedReport = z.infer<typeof DisclosedReport>;

/**
 * The public record as sections, so later lifecycle work (change records, deregistration notices,
 * capital-reduction notices) adds a section kind without changing the page's frame.
 */
export const DisclosureSection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('annual-reports'), reports: z.array(DisclosedReport) }),
  z.object({
    kind: z.literal('abnormal-list'),
    listed: z.boolean(),
    entries: z.array(AbnormalListEntryView),
  }),
  z.object({ kind: z.literal('changes'), changes: z.array(DisclosedChange) }),
  z.object({ kind: z.literal('capital-reduction-notices'), notices: z.array(ReductionNotice) }),
]);
export type DisclosureSection = z.infer<typeof DisclosureSection>;

export const DisclosureRecord = z.object({
  uscc: z.string(),
  name: z.string(),
  type: z.enum(['llc', 'sole-llc']),
  status: z.enum(['active', 'suspended', 'deregistered']),
  legalRepresentative: z.string(),
  registeredCapital: z.string(),
  address: z.string(),
  businessScope: z.array(z.string()),
  establishedOn: z.string(),
  registrationAuthority: z.string(),
  sections: z.array(DisclosureSection),
});
export type DisclosureRecord = z.infer<typeof DisclosureRecord>;
