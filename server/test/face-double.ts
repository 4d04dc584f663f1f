// A FaceVerifier stand-in for fast tests of the approval state machine. Frames are tiny fake
// "JPEGs": the JPEG magic followed by JSON saying who is in the picture, how many faces, and what
// they are doing. The real engine (HumanFaceVerifier) is exercised by face-real.test.ts and e2e.
import type {
  EnrolResult,
  FaceTemplate,
  FaceVerificationResult,
  FaceVerifier,
  LivenessChallenge,
} from '../face/verifier';

type FakeFrame = { who: string; faces?: number; act?: 'neutral' | 'blink' | 'turn-left' | 'turn-right' };

const MAGIC = [0xff, 0xd8, 0xff];

export const fakeFrame = (f: FakeFrame): Uint8Array =>
  new Uint8Array([...MAGIC, ...new TextEncoder().encode(JSON.stringify(f))]);

export const fakeFrameBase64 = (f: FakeFrame): string => Buffer.from(fakeFrame(f)).toString('base64');

/** Frames of `who` performing `actions` in order, with a neutral frame before and after. */
export const fakePerformance = (who: string, actions: readonly NonNullable<FakeFrame['act']>[]): string[] =>
  (['neutral', ...actions, 'neutral'] as const).map((act) => fakeFrameBase64({ who, act }));

const parse = (bytes: Uint8Array): FakeFrame | undefined => {
  if (!MAGIC.every((b, i) => bytes[i] === b)) return undefined;
  try {
    const f = JSON.parse(new TextDecoder().decode(bytes.slice(3))) as FakeFrame;
    return typeof f.who === 'string' ? f : undefined;
  } catch {
    return undefined;
  }
};

const vectorOf = (who: string): number[] =>
  Array.from({ length: 64 }, (_, i) => (i === who.charCodeAt(0) % 64 ? 1 : 0.01));

export class FaceVerifierDouble implements FaceVerifier {
  readonly engine = 'test-double';
  calls = 0;

  async enrol(image: Uint8Array): Promise<EnrolResult> {
    const f = parse(image);
    if (!f) return { ok: false, refusal: 'NOT_AN_IMAGE' };
    if ((f.faces ?? 1) !== 1)
      return { ok: false, refusal: (f.faces ?? 1) === 0 ? 'NO_FACE' : 'MULTIPLE_FACES' };
    return { ok: true, template: this.templateFor(f.who) };
  }

  templateFor(who: string): FaceTemplate {
    return { engine: this.engine, vector: vectorOf(who) };
  }

  async verify(input: {
    reference: FaceTemplate;
    frames: Uint8Array[];
    challenge: LivenessChallenge;
  }): Promise<FaceVerificationResult> {
    this.calls++;
    const base = {
      match: false,
      similarity: 0,
      minFrameSimilarity: 0,
      threshold: 0.75,
      liveness: { passed: false, observed: [] as string[], reason: 'not evaluated' },
      facesPerFrame: [] as number[],
      engine: this.engine,
      durationMs: 1,
    };
    if (input.reference.engine !== this.engine) return { ...base, refusal: 'TEMPLATE_MISMATCH' };
    if (input.frames.length < 3) return { ...base, refusal: 'TOO_FEW_FRAMES' };
    const parsed: FakeFrame[] = [];
    for (const bytes of input.frames) {
      const f = parse(bytes);
      const faces = f ? (f.faces ?? 1) : -1;
      base.facesPerFrame.push(faces);
      if (!f) return { ...base, refusal: 'NOT_AN_IMAGE' };
      if (faces === 0) return { ...base, refusal: 'NO_FACE' };
      if (faces > 1) return { ...base, refusal: 'MULTIPLE_FACES' };
      parsed.push(f);
    }
    const sims = parsed.map((f) => cosine(input.reference.vector, vectorOf(f.who)));
    const similarity = Math.max(...sims);
    const minFrameSimilarity = Math.min(...sims);
    const observed: string[] = [];
    let cursor = 0;
    for (const action of input.challenge.actions) {
      const at = parsed.findIndex((f, i) => i >= cursor && f.act === action);
      if (at < 0) break;
      observed.push(`${action}@${at}`);
      cursor = at + 1;
    }
    const passed = observed.length === input.challenge.actions.length;
    const liveness = passed
      ? { passed, observed }
      : { passed, observed, reason: 'actions not observed in order' };
    const identity = similarity >= 0.75 && minFrameSimilarity >= 0.5;
    const refusal = !identity
      ? ('FACE_MISMATCH' as const)
      : !passed
        ? ('LIVENESS_FAILED' as const)
        : undefined;
    return {
      ...base,
      match: refusal === undefined,
      similarity,
      minFrameSimilarity,
      liveness,
      ...(refusal ? { refusal } : {}),
    };
  }
}

const cosine = (a: readonly number[], b: readonly number[]): number => {
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
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
};
