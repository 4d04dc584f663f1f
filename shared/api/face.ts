import { z } from 'zod';

/**
 * Contracts of a live face check (刷脸): a fresh single-use liveness challenge, then the frames
 * captured while the person follows it. Used wherever a legal representative confirms by face
 * (delegated authorization, the registration confirmation).
 */

const Instant = z.iso.datetime({ offset: true });

export const ChallengeAction = z.enum(['turn-left', 'turn-right', 'blink']);
export type ChallengeAction = z.infer<typeof ChallengeAction>;

export const FaceChallengeView = z.object({
  challengeId: z.uuid(),
  actions: z.array(ChallengeAction).min(1),
  expiresAt: Instant,
});
export type FaceChallengeView = z.infer<typeof FaceChallengeView>;

/** Base64 (no data: prefix) JPEG or PNG frames, in capture order. */
export const MAX_FACE_FRAMES = 40;
export const MAX_FRAME_BASE64 = 700_000;
export const FaceSubmission = z.strictObject({
  challengeId: z.uuid(),
  frames: z
    .array(
      z
        .string()
        .max(MAX_FRAME_BASE64)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
    )
    .min(1)
    .max(MAX_FACE_FRAMES),
});
export type FaceSubmission = z.infer<typeof FaceSubmission>;
