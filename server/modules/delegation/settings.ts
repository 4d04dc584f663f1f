import { z } from 'zod';
import type { AppContext } from '../../context';
import { ChallengeAction } from '../../../shared/api/delegation';

/**
 * Limits of the face approval, from the environment with safe defaults:
 * - SHANGTONG_FACE_MAX_ATTEMPTS (5): failed attempts per request before it locks;
 * - SHANGTONG_FACE_LOCK_MINUTES (30): how long it stays locked;
 * - SHANGTONG_FACE_CHALLENGE_SECONDS (120): how long a liveness challenge may be answered;
 * - SHANGTONG_FACE_FIXED_CHALLENGE (unset): TEST ONLY. A comma-separated action list
 *   (e.g. "blink,turn-right,turn-left") every challenge uses instead of a random one, so an e2e
 *   run can feed a pre-recorded fake-camera video. Liveness is still judged on what the frames
 *   show; only the unpredictability is given up. Never set it in production.
 * The link lifetime (config.delegationLinkDays) and the face threshold (config.faceThreshold)
 * come from the platform configuration.
 */
const Env = z.object({
  SHANGTONG_FACE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  SHANGTONG_FACE_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SHANGTONG_FACE_CHALLENGE_SECONDS: z.coerce.number().int().min(30).max(600).default(120),
  SHANGTONG_FACE_FIXED_CHALLENGE: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((a) => ChallengeAction.parse(a.trim())) : undefined)),
});

export type DelegationSettings = {
  maxFailedAttempts: number;
  lockMinutes: number;
  challengeSeconds: number;
  linkDays: number;
  fixedChallenge: ChallengeAction[] | undefined;
};

const byContext = new WeakMap<AppContext, DelegationSettings>();

export const loadDelegationSettings = (
  ctx: AppContext,
  env: NodeJS.ProcessEnv = process.env,
): DelegationSettings => {
  const e = Env.parse(env);
  if (e.SHANGTONG_FACE_FIXED_CHALLENGE)
    console.warn(
      `SHANGTONG_FACE_FIXED_CHALLENGE is set (${e.SHANGTONG_FACE_FIXED_CHALLENGE.join(',')}): liveness challenges are predictable. Test use only.`,
    );
  return {
    maxFailedAttempts: e.SHANGTONG_FACE_MAX_ATTEMPTS,
    lockMinutes: e.SHANGTONG_FACE_LOCK_MINUTES,
    challengeSeconds: e.SHANGTONG_FACE_CHALLENGE_SECONDS,
    linkDays: ctx.config.delegationLinkDays,
    fixedChallenge: e.SHANGTONG_FACE_FIXED_CHALLENGE,
  };
};

export const delegationSettings = (ctx: AppContext): DelegationSettings => {
  let s = byContext.get(ctx);
  if (!s) {
    s = loadDelegationSettings(ctx);
    byContext.set(ctx, s);
  }
  return s;
};

/** Tests: change limits for one context. */
export const overrideDelegationSettings = (ctx: AppContext, patch: Partial<DelegationSettings>): void => {
  byContext.set(ctx, { ...delegationSettings(ctx), ...patch });
};
