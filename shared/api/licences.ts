import { z } from 'zod';
import { SignedLicence } from '../licences/document';
import { LocalizedTextSchema as Text } from '../licences/licence-type';

/** Contracts of the e-licence wallet, verification, sharing (用证授权) and 免证办 applications. */

const Instant = z.iso.datetime({ offset: true });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CompanyLicenceParams = z.strictObject({ companyId: z.uuid(), licenceId: z.uuid() });
export type CompanyLicenceParams = z.infer<typeof CompanyLicenceParams>;

export const IssuerKeyView = z.object({
  keyId: z.string(),
  issuerKey: z.string(),
  name: Text,
  uscc: z.string(),
  publicKeyHex: z.string(),
  algorithm: z.literal('SM2-SM3'),
  createdAt: Instant,
});
export type IssuerKeyView = z.infer<typeof IssuerKeyView>;

export const IssuerKeyList = z.object({ keys: z.array(IssuerKeyView) });
export type IssuerKeyList = z.infer<typeof IssuerKeyList>;

export const LicenceStateView = z.object({
  state: z.enum(['valid', 'expiring', 'expired', 'not-yet-valid']),
  daysLeft: z.number().int().nullable(),
  renewal: z
    .object({ opensOn: IsoDate, closesOn: IsoDate, open: z.boolean(), serviceCode: z.string().optional() })
    .nullable(),
});
export type LicenceStateView = z.infer<typeof LicenceStateView>;

export const LicenceRegistryStatus = z.enum(['active', 'revoked', 'superseded']);
export type LicenceRegistryStatus = z.infer<typeof LicenceRegistryStatus>;

export const LicenceCard = z.object({
  /** Registry row id (one version); the GB/T 36904 identifier is `identifier`. */
  id: z.uuid(),
  identifier: z.string(),
  typeKey: z.string(),
  name: Text,
  /** The number people quote: licence number, or the USCC for a business licence. */
  number: z.string(),
  issuer: z.object({ key: z.string(), name: Text }),
  holder: z.object({ companyId: z.uuid(), name: z.string(), uscc: z.string() }),
  version: z.number().int(),
  status: LicenceRegistryStatus,
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  issuedAt: Instant,
  digest: z.string(),
  state: LicenceStateView,
  renewalServiceCode: z.string().nullable(),
});
export type LicenceCard = z.infer<typeof LicenceCard>;

export const LicenceList = z.object({ licences: z.array(LicenceCard) });
export type LicenceList = z.infer<typeof LicenceList>;

export const ApplicationStatus = z.enum(['submitted', 'accepted', 'approved', 'returned']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const LicenceUsage = z.object({
  applicationId: z.uuid(),
  serviceCode: z.string(),
  serviceName: Text,
  status: ApplicationStatus,
  submittedAt: Instant,
  version: z.number().int(),
  digest: z.string(),
});
export type LicenceUsage = z.infer<typeof LicenceUsage>;

export const LicenceVersionView = z.object({
  id: z.uuid(),
  identifier: z.string(),
  version: z.number().int(),
  status: LicenceRegistryStatus,
  issuedAt: Instant,
  digest: z.string(),
});

export const LicenceDetail = LicenceCard.extend({
  signed: SignedLicence,
  /** The short verification URL printed as the QR code (`<public>/v/<code>`). */
  qrUrl: z.string(),
  /** The signed seal in a URL (`<public>/v/#1.<payload>`): verifies without any network. */
  sealUrl: z.string(),
  revokedAt: Instant.nullable(),
  revokedReason: z.string().nullable(),
  versions: z.array(LicenceVersionView),
  usages: z.array(LicenceUsage),
});
export type LicenceDetail = z.infer<typeof LicenceDetail>;

/** Licences due for renewal across the companies a person may view (home radar). */
export const ExpiringLicence = LicenceCard.extend({ companyName: z.string() });
export const ExpiringList = z.object({ licences: z.array(ExpiringLicence), withinDays: z.number().int() });
export type ExpiringList = z.infer<typeof ExpiringList>;

// ---- verification ----

export const VerifyRequest = z.union([
  z.strictObject({ licence: z.unknown() }),
  z.strictObject({ qr: z.string().max(4096) }),
]);
export type VerifyRequest = z.infer<typeof VerifyRequest>;

export const Verdict = z.enum([
  'valid',
  'tampered',
  'expired',
  'not-yet-valid',
  'revoked',
  'unknown-issuer',
  'malformed',
]);
export type Verdict = z.infer<typeof Verdict>;

export const VerifyAnswer = z.object({
  verdict: Verdict,
  reasons: z.array(Text).min(1),
  revocationChecked: z.boolean(),
  identifier: z.string().optional(),
  version: z.number().int().optional(),
  holderUscc: z.string().optional(),
  validUntil: IsoDate.nullable().optional(),
  issuer: z.object({ key: z.string(), name: Text.optional(), uscc: z.string().optional() }).optional(),
  state: LicenceStateView.optional(),
  /** What the registry knows about the identifier, when it knows it. */
  registry: z
    .object({
      status: LicenceRegistryStatus,
      latestVersion: z.number().int(),
      typeName: Text,
      holderName: z.string(),
    })
    .optional(),
  /** Notices about the holder shown beside the verdict (e.g. on the abnormal operations list). */
  notices: z.array(Text).optional(),
});
export type VerifyAnswer = z.infer<typeof VerifyAnswer>;

// ---- sharing (用证授权) ----

export const ShareCreate = z.strictObject({
  recipient: z.string().trim().min(1).max(100),
  purpose: z.string().trim().min(1).max(200),
  validHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
});
export type ShareCreate = z.infer<typeof ShareCreate>;

export const ShareAccessView = z.object({
  at: Instant,
  outcome: z.enum(['shown', 'expired', 'revoked']),
  client: z.string().nullable(),
});
export type ShareAccessView = z.infer<typeof ShareAccessView>;

export const ShareView = z.object({
  id: z.uuid(),
  licenceId: z.uuid(),
  recipient: z.string(),
  purpose: z.string(),
  createdAt: Instant,
  expiresAt: Instant,
  revokedAt: Instant.nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
  url: z.string(),
  access: z.array(ShareAccessView),
});
export type ShareView = z.infer<typeof ShareView>;

export const ShareList = z.object({ shares: z.array(ShareView) });
export type ShareList = z.infer<typeof ShareList>;

export const ShareParams = z.strictObject({ companyId: z.uuid(), shareId: z.uuid() });
export const ShareTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,80}$/) });

export const SharedLicenceView = z.object({
  signed: SignedLicence,
  typeName: Text,
  holderName: z.string(),
  recipient: z.string(),
  purpose: z.string(),
  expiresAt: Instant,
  qrUrl: z.string(),
  verification: VerifyAnswer,
});
export type SharedLicenceView = z.infer<typeof SharedLicenceView>;

// ---- licence-free processing (免证办) ----

export const ChecklistStatus = z.enum(['auto', 'missing', 'expired', 'revoked', 'upload']);

export const AttachmentView = z.object({
  licenceId: z.uuid(),
  identifier: z.string(),
  version: z.number().int(),
  digest: z.string(),
  typeKey: z.string(),
  name: Text,
  validUntil: IsoDate.nullable(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

export const ChecklistItemView = z.object({
  materialKey: z.string(),
  name: Text,
  kind: z.enum(['licence', 'upload']),
  required: z.boolean(),
  status: ChecklistStatus,
  licence: AttachmentView.optional(),
  expiringInDays: z.number().int().optional(),
  fixService: z.object({ code: z.string(), name: Text }).optional(),
  text: Text,
});
export type ChecklistItemView = z.infer<typeof ChecklistItemView>;

export const ServiceSummary = z.object({ code: z.string(), name: Text, department: Text, kind: z.string() });

export const ChecklistView = z.object({
  service: ServiceSummary,
  items: z.array(ChecklistItemView),
  attachments: z.array(AttachmentView),
  canSubmit: z.boolean(),
  /**
   * A new-licence service while the company already holds that licence, valid: the applicant is
   * warned before submitting (a change or renewal is usually what is meant).
   */
  alreadyHeld: AttachmentView.nullable().optional(),
});
export type ChecklistView = z.infer<typeof ChecklistView>;

export const ChecklistParams = z.strictObject({ companyId: z.uuid(), serviceCode: z.string().max(100) });

export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** Request size allowed for an upload: base64 of a somewhat oversized file, so it gets a clear refusal. */
export const UPLOAD_BODY_LIMIT = 8 * 1024 * 1024;
export const UploadMimeType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type UploadMimeType = z.infer<typeof UploadMimeType>;

export const UploadCreate = z.strictObject({
  materialKey: z.string().min(1).max(100),
  fileName: z.string().trim().min(1).max(200),
  mimeType: UploadMimeType,
  /** Base64 of the file; the 5 MB limit applies to the decoded bytes (checked by the server). */
  contentBase64: z.string().max(UPLOAD_BODY_LIMIT - 1000),
});
export type UploadCreate = z.infer<typeof UploadCreate>;

export const UploadView = z.object({
  id: z.uuid(),
  materialKey: z.string(),
  fileName: z.string(),
  mimeType: UploadMimeType,
  size: z.number().int(),
  sha256: z.string(),
  createdAt: Instant,
});
export type UploadView = z.infer<typeof UploadView>;

export const ApplicationCreate = z.strictObject({
  serviceCode: z.string().min(1).max(100),
  /** What the applicant saw and agreed to attach: the submission must match it exactly. */
  consent: z.strictObject({
    agreed: z.literal(true),
    attachments: z
      .array(
        z.strictObject({
          identifier: z.string().max(200),
          version: z.number().int(),
          digest: z.string().max(64),
        }),
      )
      .max(20),
  }),
  uploads: z.array(z.strictObject({ materialKey: z.string().max(100), uploadId: z.uuid() })).max(20),
  note: z.string().trim().max(500).optional(),
});
export type ApplicationCreate = z.infer<typeof ApplicationCreate>;

export const ApplicationAttachmentView = AttachmentView.extend({
  materialKey: z.string(),
  /** Registry status of that exact version now (it may have been revoked since). */
  currentStatus: LicenceRegistryStatus,
});

export const ApplicationView = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  service: ServiceSummary,
  status: ApplicationStatus,
  submittedAt: Instant,
  consentedAt: Instant,
  acceptedAt: Instant.nullable(),
  decidedAt: Instant.nullable(),
  submittedBy: z.object({ name: z.string(), actingAs: z.string() }),
  attachments: z.array(ApplicationAttachmentView),
  uploads: z.array(UploadView),
  note: z.string().nullable(),
  decisionNote: z.string().nullable(),
  issuedLicence: z.object({ id: z.uuid(), identifier: z.string(), version: z.number().int() }).nullable(),
  /** 承诺时限: the date (China) by which the department promised to decide. */
  promisedBy: IsoDate,
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationList = z.object({ applications: z.array(ApplicationView) });
export type ApplicationList = z.infer<typeof ApplicationList>;

export const ApplicationParams = z.strictObject({ companyId: z.uuid(), applicationId: z.uuid() });
export const ReviewParams = z.strictObject({ applicationId: z.uuid() });
export const ReviewUploadParams = z.strictObject({ applicationId: z.uuid(), uploadId: z.uuid() });
export const ReviewQuery = z.strictObject({ status: ApplicationStatus.optional() });
export const ReturnBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export const ApproveBody = z.strictObject({ note: z.string().trim().max(500).optional() });

export const VerifyCodeParams = z.strictObject({ code: z.string().min(10).max(40) });
export type VerifyCodeParams = z.infer<typeof VerifyCodeParams>;

/** What a short verification code stands for: the signed seal, as the long QR carried it (`1.<payload>`). */
export const VerifyCodeAnswer = z.object({ qr: z.string() });
export type VerifyCodeAnswer = z.infer<typeof VerifyCodeAnswer>;
