import { z } from 'zod';
import { FaceSubmission } from './face';
import { PASSWORD_MIN, PHONE_PATTERN } from './identity';

/**
 * Verified sign-up (实名注册) in three steps: name + resident ID checked against the identity
 * authority (and the separate consent to face processing), the phone proven by an SMS code, then a
 * live face check against the authority's portrait, which creates the account.
 */
const Instant = z.iso.datetime({ offset: true });

/** Version of the face-processing notice the consent refers to (docs/identity.md). */
export const FACE_NOTICE_VERSION = '2026-12';

export const SignUpStartRequest = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2)
    .max(30)
    .regex(/^[\u3400-\u9fff·]+$/u, '姓名应为中文 / Name must be in Chinese characters'),
  residentId: z.string().min(1).max(40),
  phone: z.string().trim().regex(PHONE_PATTERN, '手机号应为11位 / An 11-digit mobile number'),
  /** Separate consent (单独同意) to processing the face for this sign-up, after reading the notice. */
  faceConsent: z.literal(true),
});
export type SignUpStartRequest = z.infer<typeof SignUpStartRequest>;

export const SignUpStarted = z.object({
  signUpId: z.uuid(),
  phoneMasked: z.string(),
  codeExpiresAt: Instant,
  resendAfter: Instant,
  expiresAt: Instant,
});
export type SignUpStarted = z.infer<typeof SignUpStarted>;

export const SignUpParams = z.strictObject({ signUpId: z.uuid() });
export type SignUpParams = z.infer<typeof SignUpParams>;

export const SignUpPhoneRequest = z.strictObject({
  phone: z.string().trim().regex(PHONE_PATTERN, '手机号应为11位 / An 11-digit mobile number'),
  code: z.string().regex(/^\d{6}$/, '验证码为6位数字 / A 6-digit code'),
});
export type SignUpPhoneRequest = z.infer<typeof SignUpPhoneRequest>;

export const SignUpPhoneVerified = z.object({ phoneVerified: z.literal(true) });
export type SignUpPhoneVerified = z.infer<typeof SignUpPhoneVerified>;

export const SignUpCompleteRequest = FaceSubmission.extend({
  password: z.string().min(PASSWORD_MIN).max(200),
});
export type SignUpCompleteRequest = z.infer<typeof SignUpCompleteRequest>;

/** The development SMS outbox (demo/dev only; 404 in production). */
export const DevSmsOutbox = z.object({
  messages: z.array(z.object({ phone: z.string(), text: z.string(), sentAt: Instant })),
});
export type DevSmsOutbox = z.infer<typeof DevSmsOutbox>;
export const DevSmsOutboxQuery = z.strictObject({ phone: z.string().regex(PHONE_PATTERN).optional() });
