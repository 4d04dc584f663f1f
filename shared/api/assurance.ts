import { z } from 'zod';
import { REVERIFY_WINDOW_MAX, REVERIFY_WINDOW_MIN } from '../identity/assurance';

/** Schemas of the levels of assurance: the session's state, the face step-up, the window and consent. */

const Instant = z.iso.datetime({ offset: true });

export const AssuranceView = z.object({
  /** How this session was opened: password, or password + SMS code. */
  session: z.enum(['password', 'sms']),
  faceVerifiedAt: Instant.nullable(),
  /** Until when an action needing a live face passes without a new check in this session; null: needs one. */
  faceValidUntil: Instant.nullable(),
  reverifyWindowMinutes: z.number().int().nullable(),
  counterVerified: z.boolean(),
  faceConsent: z.enum(['given', 'refused']).nullable(),
});
export type AssuranceView = z.infer<typeof AssuranceView>;

export const FaceVerified = z.object({ faceVerifiedAt: Instant, faceValidUntil: Instant.nullable() });
export type FaceVerified = z.infer<typeof FaceVerified>;

/** 身份认证频次: minutes (30–1440), or null for "every action needs a fresh face check". */
export const ReverifyWindow = z.strictObject({
  minutes: z
    .number()
    .int()
    .min(REVERIFY_WINDOW_MIN, '0.5–24 小时 / 0.5–24 hours')
    .max(REVERIFY_WINDOW_MAX, '0.5–24 小时 / 0.5–24 hours')
    .nullable(),
});
export type ReverifyWindow = z.infer<typeof ReverifyWindow>;

export const FaceConsentDecision = z.strictObject({ decision: z.enum(['given', 'refused']) });
export type FaceConsentDecision = z.infer<typeof FaceConsentDecision>;

/** A reviewer at a counter saw the person's ID card (L5, the alternative to faces). */
export const CounterVerificationRequest = z.strictObject({
  name: z.string().trim().min(2).max(30),
  residentId: z.string().trim().min(1).max(40),
  /** The reviewer confirms they checked the original card against the person in front of them. */
  idCardSeen: z.literal(true),
  note: z.string().trim().max(200).optional(),
});
export type CounterVerificationRequest = z.infer<typeof CounterVerificationRequest>;

export const CounterVerified = z.object({
  personId: z.uuid(),
  name: z.string(),
  residentIdMasked: z.string(),
  counterVerifiedAt: Instant,
  /** A person record was created (someone without an account yet). */
  created: z.boolean(),
});
export type CounterVerified = z.infer<typeof CounterVerified>;
