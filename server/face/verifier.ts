// The seam between the product and whatever proves "this is the enrolled person, live, now".
// The bundled implementation is HumanFaceVerifier (on-server embeddings + active liveness); a
// deployment can put a national identity service behind the same interface instead
// (docs/face-verification.md).
import { z } from 'zod';

export const LivenessAction = z.enum(['turn-left', 'turn-right', 'blink']);
export type LivenessAction = z.infer<typeof LivenessAction>;

/**
 * What the person is asked to do, in order. Identity, expiry and single use of a challenge are the
 * caller's business (it stores the challenge under an id and consumes it on the first attempt).
 */
export const LivenessChallenge = z.object({
  actions: z.array(LivenessAction).min(1).max(4),
});
export type LivenessChallenge = z.infer<typeof LivenessChallenge>;

/**
 * The enrolled reference. Only the embedding is kept, never the photo. `engine` names the model
 * that produced it: vectors from different models are not comparable, so a template from another
 * engine is refused rather than compared.
 */
export const FaceTemplate = z.object({
  engine: z.string().min(1),
  vector: z.array(z.number()).min(64),
});
export type FaceTemplate = z.infer<typeof FaceTemplate>;

export const FaceRefusalCode = z.enum([
  'NOT_AN_IMAGE',
  'NO_FACE',
  'MULTIPLE_FACES',
  'TOO_FEW_FRAMES',
  'TOO_MANY_FRAMES',
  'TEMPLATE_MISMATCH',
  'LIVENESS_FAILED',
  'FACE_MISMATCH',
]);
export type FaceRefusalCode = z.infer<typeof FaceRefusalCode>;

export const LivenessResult = z.object({
  passed: z.boolean(),
  /** Actions recognised in order, e.g. ["blink@4", "turn-left@9"] (action @ frame index). */
  observed: z.array(z.string()),
  reason: z.string().optional(),
});
export type LivenessResult = z.infer<typeof LivenessResult>;

/** Evidence of one attempt; contains scores and measurements only, never pixels. */
export const FaceVerificationResult = z.object({
  match: z.boolean(),
  /** Best cosine similarity of a frame to the reference, in [-1, 1]; 0 when not computed. */
  similarity: z.number(),
  /**
   * Lowest similarity to the reference among the frames that got an embedding: the first, the last
   * and every frame that did not continue an earlier one (a person swapped mid-sequence shows here).
   */
  minFrameSimilarity: z.number(),
  threshold: z.number(),
  liveness: LivenessResult,
  /** Faces detected in each submitted frame, in order (-1: frame was not a decodable image). */
  facesPerFrame: z.array(z.number().int()),
  refusal: FaceRefusalCode.optional(),
  engine: z.string(),
  durationMs: z.number(),
});
export type FaceVerificationResult = z.infer<typeof FaceVerificationResult>;

export type EnrolResult = { ok: true; template: FaceTemplate } | { ok: false; refusal: FaceRefusalCode };

export interface FaceVerifier {
  /** Engine id written into templates; templates from another engine are refused. */
  readonly engine: string;
  /** Builds a template from a reference photo containing exactly one face. The photo is not kept. */
  enrol(image: Uint8Array): Promise<EnrolResult>;
  /**
   * Checks that the frames show exactly one face each, perform the challenge in order, and belong to
   * the enrolled person. Frames are JPEG/PNG bytes in capture order; they are not retained.
   */
  verify(input: {
    reference: FaceTemplate;
    frames: Uint8Array[];
    challenge: LivenessChallenge;
  }): Promise<FaceVerificationResult>;
}

/**
 * What the caller keeps per attempt (the frames are not part of it). `challengeId`, the times and
 * the user agent are the caller's; `result` is what verify() returned.
 */
export const FaceAttemptEvidence = z.object({
  challengeId: z.string().min(1),
  actions: z.array(LivenessAction),
  issuedAt: z.string().datetime(),
  submittedAt: z.string().datetime(),
  verifiedAt: z.string().datetime(),
  userAgent: z.string().max(512),
  frameCount: z.number().int().nonnegative(),
  result: FaceVerificationResult,
});
export type FaceAttemptEvidence = z.infer<typeof FaceAttemptEvidence>;
