import { z } from 'zod';

/** Contracts of the company's e-seals: claim, grants, signing a PDF, and public verification. */

const Localized = z.object({ zh: z.string(), en: z.string() });
const Instant = z.iso.datetime({ offset: true });
const Pin = z.string().regex(/^\d{6}$/, '6 digits');

/** Largest PDF accepted for signing or verification, in bytes. */
export const SEAL_PDF_MAX_BYTES = 10 * 1024 * 1024;
const PdfBase64 = z
  .string()
  .min(1)
  .max(Math.ceil(SEAL_PDF_MAX_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const SealParams = z.strictObject({ companyId: z.uuid(), sealId: z.uuid() });
export const SealGrantParams = z.strictObject({ companyId: z.uuid(), sealId: z.uuid(), grantId: z.uuid() });
export const SealCompanyParams = z.strictObject({ companyId: z.uuid() });

export const SealGrantRole = z.enum(['admin', 'user']);

export const SealGrantView = z.object({
  grantId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  role: SealGrantRole,
  validFrom: Instant,
  validUntil: Instant,
  state: z.enum(['active', 'expired', 'revoked', 'not-yet-valid']),
});
export type SealGrantView = z.infer<typeof SealGrantView>;

export const SealView = z.object({
  sealId: z.uuid(),
  identifier: z.string(),
  name: z.string(),
  sealType: z.string(),
  code: z.string(),
  status: z.enum(['active', 'revoked', 'superseded']),
  revokedAt: Instant.nullable(),
  validUntil: z.string().nullable(),
  /** What the viewer may do with it now. */
  canSign: z.boolean(),
  lockedUntil: Instant.nullable(),
  /** Only for the legal representative. */
  grants: z.array(SealGrantView).optional(),
});
export type SealView = z.infer<typeof SealView>;

export const SealsOverview = z.object({
  companyName: z.string(),
  claimed: z.boolean(),
  claimedAt: Instant.nullable(),
  isLegalRepresentative: z.boolean(),
  /** The person's re-verification window in minutes (0: every signing needs a fresh face check). */
  reverifyMinutes: z.number().int().min(0),
  /** When the viewer's last live face check passed, if any. */
  lastFaceCheckAt: Instant.nullable(),
  seals: z.array(SealView),
  /** People the legal representative may grant a seal to (connected to the company). */
  people: z.array(z.object({ personId: z.uuid(), name: z.string() })).optional(),
});
export type SealsOverview = z.infer<typeof SealsOverview>;

export const SealFaceResult = z.object({ faceCheckId: z.uuid(), checkedAt: Instant });
export type SealFaceResult = z.infer<typeof SealFaceResult>;

export const SealClaim = z.strictObject({ faceCheckId: z.uuid(), pin: Pin });
export type SealClaim = z.infer<typeof SealClaim>;

export const SealGrantCreate = z.strictObject({
  personId: z.uuid(),
  role: SealGrantRole,
  /** China calendar date, inclusive. */
  validUntil: z.iso.date(),
  pin: Pin,
});
export type SealGrantCreate = z.infer<typeof SealGrantCreate>;

export const SealPinBody = z.strictObject({ pin: Pin });

export const SealPlacement = z.strictObject({
  page: z.number().int().min(1),
  x: z.number().min(0).max(5000),
  y: z.number().min(0).max(5000),
  size: z.number().min(40).max(300),
});
export type SealPlacement = z.infer<typeof SealPlacement>;

export const SealSignRequest = z.union([
  z.strictObject({
    fileName: z.string().min(1).max(200),
    contentBase64: PdfBase64,
    placement: SealPlacement,
    faceCheckId: z.uuid(),
  }),
  z.strictObject({
    fileName: z.string().min(1).max(200),
    contentBase64: PdfBase64,
    placement: SealPlacement,
    pin: Pin,
  }),
]);
export type SealSignRequest = z.infer<typeof SealSignRequest>;

export const SealSignResult = z.object({
  signatureId: z.uuid(),
  fileName: z.string(),
  contentBase64: z.string(),
  signedAt: Instant,
  digest: z.string(),
});
export type SealSignResult = z.infer<typeof SealSignResult>;

export const SealVerifyRequest = z.strictObject({ contentBase64: PdfBase64 });

export const SealCheck = z.object({
  key: z.enum([
    'document',
    'whole-file',
    'seal-issued',
    'seal-signature',
    'seal-valid-at-signing',
    'signer-grant',
  ]),
  ok: z.boolean(),
  text: Localized,
});
export type SealCheck = z.infer<typeof SealCheck>;

export const SealSignatureReport = z.object({
  valid: z.boolean(),
  signedAt: Instant.nullable(),
  seal: z
    .object({
      identifier: z.string(),
      name: z.string(),
      sealType: z.string(),
      holderName: z.string(),
      holderUscc: z.string(),
      /** Now: active, or revoked / superseded since. */
      statusNow: z.enum(['active', 'revoked', 'superseded', 'unknown']),
      revokedAt: Instant.nullable(),
    })
    .nullable(),
  signer: z.object({ name: z.string(), residentIdMasked: z.string() }).nullable(),
  page: z.number().int().nullable(),
  checks: z.array(SealCheck),
});
export type SealSignatureReport = z.infer<typeof SealSignatureReport>;

export const SealVerifyReport = z.object({
  signatures: z.array(SealSignatureReport),
  summary: Localized,
});
export type SealVerifyReport = z.infer<typeof SealVerifyReport>;
