import { z } from 'zod';
import { ApplicationDraft, CompanyType, applicationSteps } from '../registration/application';

/**
 * Contracts of company registration (企业开办): name self-declaration, the one-stop application as
 * a server-side draft, everyone's confirmation, submission with automated review (秒批), manual
 * review and the records issued on approval.
 */

const Localized = z.object({ zh: z.string(), en: z.string() });
const Iso = z.iso.datetime({ offset: true });

/**
 * draft → confirming (everyone named is asked to confirm; an edit sends it back to draft) →
 * in-review (manual) or approved (automated). A reviewer approves or returns; returned is editable.
 */
export const ApplicationStatus = z.enum(['draft', 'confirming', 'in-review', 'returned', 'approved']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const StepId = z.enum(applicationSteps);
export type StepId = z.infer<typeof StepId>;

export const ApplicationParams = z.strictObject({ applicationId: z.uuid() });
export type ApplicationParams = z.infer<typeof ApplicationParams>;

/** A rule the application breaks (error) or something a reviewer must look at (warning). */
export const Problem = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  field: z.string(),
  text: Localized,
});
export type Problem = z.infer<typeof Problem>;

// ---- Name self-declaration ----
export const NameCheckRequest = z.strictObject({
  name: z.string().max(100),
  companyType: CompanyType.default('llc'),
  /** The caller's own application, so its name does not count as someone else's pending one. */
  applicationId: z.uuid().optional(),
});
export type NameCheckRequest = z.infer<typeof NameCheckRequest>;

export const NameCheckResponse = z.object({
  ok: z.boolean(),
  parts: z
    .object({ region: z.string(), tradeName: z.string(), industry: z.string(), form: z.string() })
    .nullable(),
  problems: z.array(Problem.omit({ field: true })),
  suggestions: z.array(z.string()),
});
export type NameCheckResponse = z.infer<typeof NameCheckResponse>;

/** The signed-in person's own identity, to fill them in as shareholder or officer with one click. */
export const MyPerson = z.object({ name: z.string(), residentId: z.string(), phone: z.string().nullable() });
export type MyPerson = z.infer<typeof MyPerson>;

// ---- Confirmations ----
export const PersonRole = z.enum([
  'shareholder',
  'legal-representative',
  'director',
  'chair',
  'manager',
  'supervisor',
  'finance-officer',
  'liaison',
]);
export type PersonRole = z.infer<typeof PersonRole>;

/**
 * face: the legal representative, by a live face check (in the app or on a phone through the link);
 * password: re-entry by another account holder; code: a link plus a one-time code handed on by the filer.
 */
export const ConfirmationMethod = z.enum(['password', 'code', 'face']);
export type ConfirmationMethod = z.infer<typeof ConfirmationMethod>;

export const ConfirmationStatus = z.enum(['pending', 'confirmed']);

/** What the filer sees of one person's confirmation. */
export const ConfirmationEntry = z.object({
  id: z.uuid(),
  name: z.string(),
  /** A company shareholder confirms through the named company (its legal representative). */
  kind: z.enum(['person', 'company']),
  roles: z.array(PersonRole),
  status: ConfirmationStatus,
  method: ConfirmationMethod,
  confirmedAt: Iso.nullable(),
  isMe: z.boolean(),
  /**
   * While pending, for `code` and `face`: the link the filer passes on (for `face`, the legal
   * representative opens it on a phone and confirms by face). Null once confirmed.
   */
  linkPath: z.string().nullable(),
  /** Only for `code`: the one-time code that goes with the link. */
  code: z.string().nullable(),
});
export type ConfirmationEntry = z.infer<typeof ConfirmationEntry>;

export const ArticlesDocument = z.object({
  title: z.string(),
  sections: z.array(
    z.object({
      title: z.string(),
      titleEn: z.string().optional(),
      paragraphs: z.array(z.string()),
      table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }).optional(),
    }),
  ),
});
export type ArticlesDocument = z.infer<typeof ArticlesDocument>;

/** What a person asked to confirm sees: the application as the articles state it, and their roles. */
export const ConfirmationRequestView = z.object({
  confirmationId: z.uuid(),
  applicationId: z.uuid(),
  companyName: z.string(),
  filerName: z.string(),
  personName: z.string(),
  roles: z.array(PersonRole),
  status: ConfirmationStatus,
  method: ConfirmationMethod,
  /** The application changed or was decided since the request: nothing left to confirm. */
  stale: z.boolean(),
  articles: ArticlesDocument,
  attemptsLeft: z.number().int(),
  /** For `face`: whether a reference face is enrolled for the person (without one there is nothing to compare). */
  faceEnrolled: z.boolean(),
  /** For `face`, shown to the person themselves in the app: the link to confirm on a phone instead. */
  linkPath: z.string().nullable(),
});
export type ConfirmationRequestView = z.infer<typeof ConfirmationRequestView>;

export const ConfirmationParams = z.strictObject({ confirmationId: z.uuid() });
export const ConfirmLinkParams = z.strictObject({ token: z.string().min(20).max(100) });
export const PasswordConfirmRequest = z.strictObject({ password: z.string().min(1).max(200) });
export const CodeConfirmRequest = z.strictObject({
  code: z.string().regex(/^\d{6}$/, '确认码为 6 位数字 / The code is 6 digits'),
});

// ---- The application ----
export const TimelineEntry = z.object({ kind: z.string(), at: Iso, text: Localized });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const IssuedRecord = z.object({
  kind: z.enum([
    'business-licence',
    'seal',
    'tax-registration',
    'social-insurance',
    'housing-fund',
    'bank-account',
  ]),
  title: Localized,
  /** The e-licence identifier (business licence, seals) or the registration's reference number. */
  reference: z.string(),
  licenceId: z.uuid().nullable(),
  detail: z.record(z.string(), z.string()),
});
export type IssuedRecord = z.infer<typeof IssuedRecord>;

export const Outcome = z.object({
  companyId: z.uuid(),
  uscc: z.string(),
  companyName: z.string(),
  approvedAt: Iso,
  records: z.array(IssuedRecord),
});
export type Outcome = z.infer<typeof Outcome>;

export const RequiredLicenceView = z.object({
  licenceTypeKey: z.string(),
  name: Localized,
  kind: z.enum(['licence', 'filing']),
  scopeCodes: z.array(z.string()),
});

export const ApplicationView = z.object({
  id: z.uuid(),
  status: ApplicationStatus,
  step: StepId,
  revision: z.number().int(),
  draft: ApplicationDraft,
  filerName: z.string(),
  /** The rules as of now: `complete` when every step is filled in. */
  check: z.object({ complete: z.boolean(), problems: z.array(Problem) }),
  /** Why the automated review sent it to a person. */
  reviewReasons: z.array(Problem),
  returnComment: z.string().nullable(),
  confirmations: z.array(ConfirmationEntry),
  timeline: z.array(TimelineEntry),
  requiredLicences: z.array(RequiredLicenceView),
  outcome: Outcome.nullable(),
  createdAt: Iso,
  updatedAt: Iso,
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationSummary = z.object({
  id: z.uuid(),
  status: ApplicationStatus,
  name: z.string().nullable(),
  step: StepId,
  updatedAt: Iso,
  companyId: z.uuid().nullable(),
  uscc: z.string().nullable(),
  licenceIdentifier: z.string().nullable(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationList = z.object({ applications: z.array(ApplicationSummary) });
export type ApplicationList = z.infer<typeof ApplicationList>;

export const SaveDraftRequest = z.strictObject({
  step: StepId,
  /** The revision the client edited; a newer one on the server means another machine saved meanwhile. */
  revision: z.number().int().min(0),
  draft: ApplicationDraft,
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequest>;

export const SaveDraftResponse = z.object({
  revision: z.number().int(),
  status: ApplicationStatus,
  savedAt: Iso,
});
export type SaveDraftResponse = z.infer<typeof SaveDraftResponse>;

// ---- Review ----
export const ReviewQueueItem = z.object({
  id: z.uuid(),
  name: z.string(),
  filerName: z.string(),
  submittedAt: Iso,
  reasons: z.array(Problem),
});
export const ReviewQueue = z.object({ items: z.array(ReviewQueueItem) });
export type ReviewQueue = z.infer<typeof ReviewQueue>;

/** A reviewer's view: the application with identifiers masked, plus how each identity checked out. */
export const ReviewView = ApplicationView.extend({
  identities: z.array(
    z.object({
      name: z.string(),
      identifierMasked: z.string(),
      verdict: z.enum(['verified', 'unknown', 'name-mismatch', 'blocked']),
    }),
  ),
});
export type ReviewView = z.infer<typeof ReviewView>;

export const ReturnRequest = z.strictObject({ comment: z.string().trim().min(2).max(1000) });
