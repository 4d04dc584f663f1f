import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { faceAttempts } from '../../db/schema';
import type { FaceTemplate, FaceVerificationResult } from '../../face/verifier';
import type { ChallengeAction } from '../../../shared/api/face';
import type { FaceChallengeRow, FaceSubject } from './challenges';
import { faceVerifierFor } from './face-port';

/** One finished face check: the verifier's answer and when it was asked and answered. */
export type FaceCheck = {
  challenge: FaceChallengeRow;
  result: FaceVerificationResult;
  frameCount: number;
  submittedAt: Date;
  finishedAt: Date;
};

/**
 * Compares the frames with the reference and judges liveness against the challenge. The frames
 * are dropped as soon as the verifier is done: only their scores are kept as evidence.
 */
export const runFaceCheck = async (
  ctx: AppContext,
  input: { reference: FaceTemplate; challenge: FaceChallengeRow; frames: string[]; submittedAt: Date },
): Promise<FaceCheck> => {
  const verifier = await faceVerifierFor(ctx);
  const frameCount = input.frames.length;
  const frames = input.frames.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
  const actions = input.challenge.actions.filter(
    (a): a is ChallengeAction => a === 'blink' || a === 'turn-left' || a === 'turn-right',
  );
  try {
    const result = await verifier.verify({ reference: input.reference, frames, challenge: { actions } });
    return {
      challenge: input.challenge,
      result,
      frameCount,
      submittedAt: input.submittedAt,
      finishedAt: ctx.now(),
    };
  } finally {
    frames.length = 0;
    input.frames.length = 0;
  }
};

/** The attempt's evidence row (never the frames); returns the evidence summary for audit records. */
export const recordFaceAttempt = async (
  tx: DbOrTx,
  subject: FaceSubject,
  personId: string,
  check: FaceCheck,
  userAgent: string | undefined,
): Promise<{ attemptId: string | undefined; similarity: number; threshold: number; liveness: string[] }> => {
  const { result, challenge } = check;
  const [attempt] = await tx
    .insert(faceAttempts)
    .values({
      ...subject,
      challengeId: challenge.id,
      personId,
      challengeActions: challenge.actions,
      challengeIssuedAt: challenge.createdAt,
      submittedAt: check.submittedAt,
      finishedAt: check.finishedAt,
      outcome: result.match ? 'match' : (result.refusal ?? 'FACE_MISMATCH'),
      match: result.match,
      similarity: result.similarity,
      minFrameSimilarity: result.minFrameSimilarity,
      threshold: result.threshold,
      liveness: result.liveness,
      facesPerFrame: result.facesPerFrame,
      frameCount: check.frameCount,
      engine: result.engine,
      durationMs: Math.round(result.durationMs),
      userAgent: userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: faceAttempts.id });
  return {
    attemptId: attempt?.id,
    similarity: result.similarity,
    threshold: result.threshold,
    liveness: result.liveness.observed,
  };
};
