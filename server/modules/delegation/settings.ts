import { z } from 'zod';
import type { AppContext } from '../../context';

/**
 * Limits of the face approval, from the environment with safe defaults:
 * - SHANGTONG_FACE_MAX_ATTEMPTS (5): failed attempts per request before it locks;
 * - SHANGTONG_FACE_LOCK_MINUTES (30): how long it stays locked.
 * The link lifetime (config.delegationLinkDays) and the face threshold (config.faceThreshold)
 * come from the platform configuration; the liveness challenges (their lifetime, and the test-only
 * fixed order) are the platform's face-check settings (`../face-checks/settings.ts`).
 */
const Env = z.object({
  SHANGTONG_FACE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  SHANGTONG_FACE_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
});

export type DelegationSettings = {
  maxFailedAttempts: number;
  lockMinutes: number;
  linkDays: number;
};

export const loadDelegationSettings = (
  ctx: AppContext,
  env: NodeJS.ProcessEnv = process.env,
): DelegationSettings => {
  const e = Env.parse(env);
  return {
    maxFailedAttempts: e.SHANGTONG_FACE_MAX_ATTEMPTS,
    lockMinutes: e.SHANGTONG_FACE_LOCK_MINUTES,
    linkDays: ctx.config.delegationLinkDays,
  };
};

export const delegationSettings = (ctx: AppContext): DelegationSettings =>
  (ctx.services.delegationSettings ??= loadDelegationSettings(ctx));

/** Tests: change limits for one context. */
export const overrideDelegationSettings = (ctx: AppContext, patch: Partial<DelegationSettings>): void => {
  ctx.services.delegationSettings = { ...delegationSettings(ctx), ...patch };
};
