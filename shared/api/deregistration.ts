import { z } from 'zod';

/** Contracts of simplified deregistration (简易注销), lifecycle.md §4. */

const Localized = z.object({ zh: z.string(), en: z.string() });
const Instant = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();

export const DeregistrationParams = z.strictObject({ companyId: z.uuid() });
export const DisclosureUsccParams = z.strictObject({ uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/) });

export const IneligibleReasonView = z.object({ code: z.string(), text: Localized });

export const DeregistrationStatus = z.enum(['commitment', 'notice', 'apply-window', 'deregistered', 'ended']);

export const DeregistrationView = z.object({
  id: z.uuid(),
  status: DeregistrationStatus,
  createdAt: Instant,
  noticeFrom: IsoDate.nullable(),
  noticeUntil: IsoDate.nullable(),
  applyUntil: IsoDate.nullable(),
  endedReason: z.enum(['objection', 'lapsed', 'ineligible']).nullable(),
  completedAt: Instant.nullable(),
  blockedBy: z.array(IneligibleReasonView),
  investors: z.array(z.object({ personId: z.uuid(), name: z.string(), confirmedAt: Instant.nullable() })),
  objections: z.number().int(),
});
export type DeregistrationView = z.infer<typeof DeregistrationView>;

export const DeregistrationOverview = z.object({
  companyName: z.string(),
  companyStatus: z.enum(['active', 'suspended', 'deregistered']),
  eligible: z.boolean(),
  reasons: z.array(IneligibleReasonView),
  taxClearance: z.object({ immediate: z.boolean(), open: z.array(IneligibleReasonView) }),
  commitmentText: Localized,
  current: DeregistrationView.nullable(),
  /** The viewer is an investor whose commitment is still awaited. */
  awaitingMyCommitment: z.boolean(),
});
export type DeregistrationOverview = z.infer<typeof DeregistrationOverview>;

export const CommitBody = z.strictObject({ faceCheckId: z.uuid() });

export const PublicDeregistrationNotice = z.object({
  companyName: z.string(),
  uscc: z.string(),
  status: DeregistrationStatus,
  noticeFrom: IsoDate,
  noticeUntil: IsoDate,
  commitmentText: Localized,
  investors: z.array(z.string()),
  objectionsOpen: z.boolean(),
  completedAt: Instant.nullable(),
});
export const PublicDeregistration = z.object({ notice: PublicDeregistrationNotice.nullable() });
export type PublicDeregistration = z.infer<typeof PublicDeregistration>;

export const ObjectionBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  contact: z.string().trim().min(3).max(100),
  reason: z.string().trim().min(5).max(2000),
});
export type ObjectionBody = z.infer<typeof ObjectionBody>;

export const FlagBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export const FlagView = z.object({ id: z.uuid(), reason: z.string(), setAt: Instant });
