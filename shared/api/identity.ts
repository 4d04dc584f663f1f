import { z } from 'zod';

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export const SignInRequest = z.strictObject({
  /** Mobile phone number or resident ID number. */
  login: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const PersonSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  residentIdMasked: z.string(),
  phoneMasked: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const Preferences = z.strictObject({
  lang: z.enum(['zh', 'zh-HK', 'en']),
  elderMode: z.boolean(),
});
export type Preferences = z.infer<typeof Preferences>;

export const Me = z.object({
  person: PersonSummary,
  role: z.enum(['user', 'reviewer']),
  preferences: Preferences,
  firms: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['admin', 'staff']) })),
  /** The identity authority holds a reference portrait for this person (faces are never uploaded). */
  faceEnrolled: z.boolean(),
  /** How the person was verified: a verified sign-up (实名+实人) and/or in person at a counter (L5). */
  verification: z.object({ authority: z.boolean(), counter: z.boolean() }),
  /** Re-verification window (身份认证频次) in minutes; null: every approval needs a fresh face check. */
  reverifyWindowMinutes: z.number().int().nullable(),
});
export type Me = z.infer<typeof Me>;

export const SignInResponse = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  me: Me,
});
export type SignInResponse = z.infer<typeof SignInResponse>;

export const PASSWORD_MIN = 8;

export const SignUpRequest = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2)
    .max(30)
    .regex(/^[\u3400-\u9fff·]+$/u, '姓名应为中文 / Name must be in Chinese characters'),
  residentId: z.string().min(1).max(40),
  phone: z.string().trim().regex(PHONE_PATTERN, '手机号应为11位 / An 11-digit mobile number'),
  password: z.string().min(PASSWORD_MIN).max(200),
});
export type SignUpRequest = z.infer<typeof SignUpRequest>;

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;
