import { z } from 'zod';
import { DelegationStatus } from '../delegation/status';
import { Validity } from '../delegation/validity';

export {
  ChallengeAction,
  FaceChallengeView,
  FaceSubmission,
  MAX_FACE_FRAMES,
  MAX_FRAME_BASE64,
} from './face';

const Instant = z.iso.datetime({ offset: true });

/** The agent's request: which scopes, for how long, and a note for the legal representative. */
export const DelegationRequestBody = z.strictObject({
  /** Scope keys; checked against the catalogue so an unknown one gets SCOPE_UNKNOWN. */
  scopes: z.array(z.string().max(64)).max(20),
  validity: Validity,
  note: z.string().trim().max(500).optional(),
  /** What the agent said they are trying to do (kept with the request for the record). */
  tasks: z.array(z.string().max(64)).max(20).optional(),
});
export type DelegationRequestBody = z.infer<typeof DelegationRequestBody>;

export const PersonRef = z.object({ name: z.string(), residentIdMasked: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

export const CompanyRef = z.object({ id: z.uuid(), name: z.string(), uscc: z.string() });
export type CompanyRef = z.infer<typeof CompanyRef>;

/** The approval link, shown to the requester (QR + copy) and to the legal representative. */
export const ApprovalLink = z.object({
  /** In-app path, e.g. /approve/<token>; the client prefixes its own origin when `url` is null. */
  path: z.string(),
  /** Absolute URL when the platform knows its public address (SHANGTONG_PUBLIC_URL). */
  url: z.string().nullable(),
  expiresAt: Instant,
});
export type ApprovalLink = z.infer<typeof ApprovalLink>;

export const DelegationView = z.object({
  id: z.uuid(),
  company: CompanyRef,
  grantor: PersonRef,
  grantee: PersonRef.nullable(),
  granteeFirm: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  requestedBy: PersonRef,
  scopes: z.array(z.string()),
  note: z.string().nullable(),
  validity: Validity,
  /** The stored status, with lapsed requests and authorizations already marked expired. */
  status: DelegationStatus,
  createdAt: Instant,
  decidedAt: Instant.nullable(),
  validFrom: Instant.nullable(),
  validUntil: Instant.nullable(),
  usedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
  lockedUntil: Instant.nullable(),
  attemptsLeft: z.number().int(),
  renewsDelegationId: z.uuid().nullable(),
  /** Approved, ends within the renewal window, and no renewal is pending yet. */
  renewalDue: z.boolean(),
  /** Only while pending, and only for the requester and the legal representative. */
  link: ApprovalLink.nullable(),
  /**
   * A firm handover, in the legal representative's ledger: on the authorization it granted (the
   * outgoing firm's ended ones are folded into it, so the change reads as one entry), or on an
   * ended one shown alone (a status filter left the granted one out).
   */
  handover: z
    .object({
      role: z.enum(['granted', 'ended']),
      fromFirm: z.string(),
      toFirm: z.string(),
      at: Instant,
      /** How many of the outgoing firm's authorizations and requests it ended. */
      ended: z.number().int(),
    })
    .nullable()
    .optional(),
});
export type DelegationView = z.infer<typeof DelegationView>;

export const DelegationList = z.object({ delegations: z.array(DelegationView) });
export type DelegationList = z.infer<typeof DelegationList>;

export const DelegationParams = z.strictObject({ delegationId: z.uuid() });
export type DelegationParams = z.infer<typeof DelegationParams>;

export const GrantedQuery = z.strictObject({
  status: DelegationStatus.optional(),
  companyId: z.uuid().optional(),
});
export type GrantedQuery = z.infer<typeof GrantedQuery>;

export const RejectBody = z.strictObject({ reason: z.string().trim().max(300).optional() });
export type RejectBody = z.infer<typeof RejectBody>;

export const AuditEntryView = z.object({
  at: Instant,
  action: z.string(),
  actingAs: z.string(),
  actorName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const DelegationAudit = z.object({ entries: z.array(AuditEntryView) });
export type DelegationAudit = z.infer<typeof DelegationAudit>;

// ---- The phone page (open route, the link token is the only key) ----

export const LinkParams = z.strictObject({ token: z.string().min(1).max(200) });
export type LinkParams = z.infer<typeof LinkParams>;

export const ApprovalView = z.object({
  status: DelegationStatus,
  company: z.object({ name: z.string(), uscc: z.string() }),
  requester: PersonRef,
  /** The legal representative's name, so the person holding the phone knows it is meant for them. */
  grantorName: z.string(),
  scopes: z.array(z.string()),
  note: z.string().nullable(),
  validity: Validity,
  /** The end date if approved now (pending), or the actual end (approved). */
  validUntil: Instant.nullable(),
  linkExpiresAt: Instant,
  lockedUntil: Instant.nullable(),
  attemptsLeft: z.number().int(),
  faceEnrolled: z.boolean(),
  /** A firm handover: the firm whose authorizations end on approval, and what it holds now. */
  handover: z
    .object({
      fromFirm: z.string(),
      toFirm: z.string(),
      held: z.array(
        z.object({ status: DelegationStatus, scopes: z.array(z.string()), validUntil: Instant.nullable() }),
      ),
    })
    .nullable()
    .optional(),
});
export type ApprovalView = z.infer<typeof ApprovalView>;

export const ApprovalOutcome = z.object({
  status: z.literal('approved'),
  validFrom: Instant,
  validUntil: Instant,
});
export type ApprovalOutcome = z.infer<typeof ApprovalOutcome>;

/** Data carried by every delegation.* event on the live stream. */
export const DelegationEventData = z.object({
  delegationId: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  status: DelegationStatus,
  validUntil: Instant.nullable(),
  /**
   * The recipient's part in it: the grantor is asked, everyone else (requester, grantee, firm
   * staff) is kept informed; a notification is raised only for news, not one's own action.
   */
  role: z.enum(['grantor', 'requester', 'other']).optional(),
});
export type DelegationEventData = z.infer<typeof DelegationEventData>;
