import { z } from 'zod';
import type { AppContext } from '../../context';
import { ChallengeAction } from '../../../shared/api/face';

/**
 * The platform's liveness challenges, the same for every face check (the delegation approval and
 * the registration confirmation), from the environment with safe defaults:
 * - SHANGTONG_FACE_CHALLENGE_SECONDS (120): how long a liveness challenge may be answered;
 * - SHANGTONG_FACE_FIXED_CHALLENGE (unset): TEST ONLY. A comma-separated action list
 *   (e.g. "blink,turn-right,turn-left") every challenge uses instead of a random one, so an e2e
 *   run can feed a pre-recorded fake-camera video. Liveness is still judged on what the frames
 *   show; only the unpredictability is given up. Never set it in production.
 * How many failures lock a request, and for how long, is each flow's own (the delegation
 * approval's in `../delegation/settings.ts`). The face threshold (config.faceThreshold) comes from
 * the platform configuration.
 */
const Env = z.object({
  SHANGTONG_FACE_CHALLENGE_SECONDS: z.coerce.number().int().min(30).max(600).default(120),
  SHANGTONG_FACE_FIXED_CHALLENGE: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((a) => ChallengeAction.parse(a.trim())) : undefined)),
});

export type FaceCheckSettings = {
  challengeSeconds: number;
  fixedChallenge: ChallengeAction[] | undefined;
};

export const loadFaceCheckSettings = (env: NodeJS.ProcessEnv = process.env): FaceCheckSettings => {
  const e = Env.parse(env);
  if (e.SHANGTONG_FACE_FIXED_CHALLENGE)
    console.warn(
      `SHANGTONG_FACE_FIXED_CHALLENGE is set (${e.SHANGTONG_FACE_FIXED_CHALLENGE.join(',')}): liveness challenges are predictable. Test use only.`,
    );
  return {
    challengeSeconds: e.SHANGTONG_FACE_CHALLENGE_SECONDS,
    fixedChallenge: e.SHANGTONG_FACE_FIXED_CHALLENGE,
  };
};

/** The settings of this context's face checks, read from the environment once. */
export const faceCheckSettings = (ctx: AppContext): FaceCheckSettings =>
  (ctx.services.faceCheckSettings ??= loadFaceCheckSettings());

/** Tests: change the challenges for one context. */
export const overrideFaceCheckSettings = (ctx: AppContext, patch: Partial<FaceCheckSettings>): void => {
  ctx.services.faceCheckSettings = { ...faceCheckSettings(ctx), ...patch };
};
