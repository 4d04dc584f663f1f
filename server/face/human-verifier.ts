// FaceVerifier on @vladmandic/human: decode → exactly one face per frame → active liveness →
// cosine similarity of the embeddings to the enrolled template.
import { isContinuation } from './continuity';
import { decodeImage, NotAnImageError, type RgbImage } from './decode-image';
import { getHumanEngine, type DetectedFace, type HumanEngine } from './human-engine';
import { DEFAULT_LIVENESS_SETTINGS, evaluateLiveness, type LivenessSettings } from './liveness';
import type {
  EnrolResult,
  FaceRefusalCode,
  FaceTemplate,
  FaceVerificationResult,
  FaceVerifier,
  LivenessChallenge,
} from './verifier';

export interface HumanVerifierSettings {
  /** Cosine similarity at or above which the best frame counts as the enrolled person. */
  threshold: number;
  /**
   * Every frame must reach at least this similarity to the reference, so the live performer cannot
   * hand over to a photo of the victim for one frame. Turned heads score lower, hence the margin.
   */
  frameFloor: number;
  minFrames: number;
  maxFrames: number;
  liveness: LivenessSettings;
}

// Measured on the face-api sample photos (docs/face-verification.md): the same face re-cropped,
// mirrored, re-lit and re-compressed scored 0.83–0.94; different people scored at most 0.68 (the
// highest pair may even be one woman in two photos). 0.75 sits in that gap. It is not a calibrated
// false-accept rate: a deployment must measure on its own population before relying on it.
export const DEFAULT_FACE_THRESHOLD = 0.75;

export const DEFAULT_HUMAN_VERIFIER_SETTINGS: HumanVerifierSettings = {
  threshold: DEFAULT_FACE_THRESHOLD,
  frameFloor: 0.5,
  minFrames: 3,
  maxFrames: 40,
  liveness: DEFAULT_LIVENESS_SETTINGS,
};

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

type FrameOutcome = { ok: true; face: DetectedFace } | { ok: false; faces: number; refusal: FaceRefusalCode };

type Decoded = { ok: true; image: RgbImage } | { ok: false; faces: number; refusal: FaceRefusalCode };

function decode(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, image: decodeImage(bytes) };
  } catch (err) {
    if (err instanceof NotAnImageError) return { ok: false, faces: -1, refusal: 'NOT_AN_IMAGE' };
    throw err;
  }
}

/** Exactly one face, with its embedding when `embedding` is set. */
async function analyse(engine: HumanEngine, image: RgbImage, embedding: boolean): Promise<FrameOutcome> {
  const faces = await engine.detect(image, { embedding });
  const [only] = faces;
  if (faces.length > 1) return { ok: false, faces: faces.length, refusal: 'MULTIPLE_FACES' };
  if (only === undefined || (embedding && only.embedding.length === 0)) {
    return { ok: false, faces: 0, refusal: 'NO_FACE' };
  }
  return { ok: true, face: only };
}

export class HumanFaceVerifier implements FaceVerifier {
  readonly engine: string;
  readonly settings: HumanVerifierSettings;
  readonly #human: HumanEngine;

  private constructor(human: HumanEngine, settings: HumanVerifierSettings) {
    this.#human = human;
    this.engine = human.id;
    this.settings = settings;
  }

  /** Loads the shared engine (first call ≈ 0.5–2 s). `threshold` usually comes from configuration. */
  static async create(settings: Partial<HumanVerifierSettings> = {}): Promise<HumanFaceVerifier> {
    const merged = { ...DEFAULT_HUMAN_VERIFIER_SETTINGS, ...settings };
    if (!(merged.threshold > 0 && merged.threshold <= 1)) throw new Error('face threshold must be in (0, 1]');
    return new HumanFaceVerifier(await getHumanEngine(), merged);
  }

  async enrol(image: Uint8Array): Promise<EnrolResult> {
    const decoded = decode(image);
    if (!decoded.ok) return { ok: false, refusal: decoded.refusal };
    const outcome = await analyse(this.#human, decoded.image, true);
    if (!outcome.ok) return { ok: false, refusal: outcome.refusal };
    return { ok: true, template: { engine: this.engine, vector: outcome.face.embedding } };
  }

  async verify(input: {
    reference: FaceTemplate;
    frames: Uint8Array[];
    challenge: LivenessChallenge;
  }): Promise<FaceVerificationResult> {
    const started = performance.now();
    const { settings } = this;
    const result = (
      refusal: FaceRefusalCode | undefined,
      parts: Partial<FaceVerificationResult> = {},
    ): FaceVerificationResult => ({
      match: false,
      similarity: 0,
      minFrameSimilarity: 0,
      threshold: settings.threshold,
      liveness: { passed: false, observed: [], reason: 'not evaluated' },
      facesPerFrame: [],
      engine: this.engine,
      ...parts,
      ...(refusal === undefined ? {} : { refusal }),
      durationMs: Math.round(performance.now() - started),
    });

    const ref = input.reference;
    if (ref.engine !== this.engine || ref.vector.length === 0) return result('TEMPLATE_MISMATCH');
    if (input.frames.length < settings.minFrames) return result('TOO_FEW_FRAMES');
    if (input.frames.length > settings.maxFrames) return result('TOO_MANY_FRAMES');

    // Frames are analysed in order and the first bad one ends the attempt: no point spending CPU on
    // the rest, and facesPerFrame shows where it stopped. Every frame is detected (one face, mesh,
    // angles, eyes for liveness); the identity embedding runs on the first and the last frame, and
    // on any frame that is not plainly the continuation of the previous or of an embedded frame
    // (continuity.ts), so every frame is tied to an embedding of the same face.
    const facesPerFrame: number[] = [];
    const faces: DetectedFace[] = [];
    const embedded: DetectedFace[] = [];
    const last = input.frames.length - 1;
    for (const [i, bytes] of input.frames.entries()) {
      const decoded = decode(bytes);
      let outcome: FrameOutcome = decoded.ok
        ? await analyse(this.#human, decoded.image, i === 0 || i === last)
        : decoded;
      if (decoded.ok && outcome.ok && outcome.face.embedding.length === 0) {
        const face = outcome.face;
        const prev = faces[faces.length - 1];
        const continues =
          (prev !== undefined && isContinuation(prev, face)) || embedded.some((e) => isContinuation(e, face));
        if (!continues) outcome = await analyse(this.#human, decoded.image, true);
      }
      facesPerFrame.push(outcome.ok ? 1 : outcome.faces);
      if (!outcome.ok) return result(outcome.refusal, { facesPerFrame });
      faces.push(outcome.face);
      if (outcome.face.embedding.length > 0) embedded.push(outcome.face);
    }

    const sims = embedded.map((f) => cosineSimilarity(ref.vector, f.embedding));
    const similarity = Math.max(...sims);
    const minFrameSimilarity = Math.min(...sims);
    const liveness = evaluateLiveness(input.challenge, faces, settings.liveness);
    const identityOk = similarity >= settings.threshold && minFrameSimilarity >= settings.frameFloor;
    const refusal: FaceRefusalCode | undefined = !identityOk
      ? 'FACE_MISMATCH'
      : !liveness.passed
        ? 'LIVENESS_FAILED'
        : undefined;
    return result(refusal, {
      match: refusal === undefined,
      similarity: round4(similarity),
      minFrameSimilarity: round4(minFrameSimilarity),
      liveness,
      facesPerFrame,
    });
  }
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
