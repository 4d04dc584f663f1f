// Timing of face verification for the benchmark script (never asserted in tests).
import { encodeJpeg, decodeImage } from '../server/face/decode-image';
import { getHumanEngine } from '../server/face/human-engine';
import { HumanFaceVerifier } from '../server/face/human-verifier';
import { portraitFrame, syntheticFrames } from '../server/face/synthetic-sequence';
import { deriveTestFacePhotos } from '../server/test/test-faces';

export interface FaceBenchResult {
  /** One verify() of `frames` camera frames (640×480 JPEG), liveness challenge included. */
  p50Ms: number;
  p95Ms: number;
  frames: number;
  /** The same divided by the frame count: decode + detect + mesh + embedding of one face. */
  perFrameP50Ms: number;
  /** First model load in this process (0 if it was already loaded). */
  loadMs: number;
  /** One identity embedding (faceres) in this run: detect with it minus detect without, same frame, p50. */
  embeddingP50Ms: number;
  /** The same frames analysed the way verify() did before continuity: decode + detect + embedding on every frame, p50. */
  everyFrameP50Ms: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

export async function benchFaceVerification(iterations: number, frames = 8): Promise<FaceBenchResult> {
  if (!(iterations >= 1)) throw new Error('iterations must be >= 1');
  const t0 = performance.now();
  const verifier = await HumanFaceVerifier.create();
  const loadMs = performance.now() - t0;
  const engine = await getHumanEngine();
  const photos = deriveTestFacePhotos();
  const enrolled = await verifier.enrol(photos.personAId);
  if (!enrolled.ok) throw new Error(`bench enrolment refused: ${enrolled.refusal}`);

  const source = decodeImage(photos.personACamera);
  const faces = await engine.detect(source);
  const central = faces.reduce((a, b) =>
    Math.abs(a.box[0] + a.box[2] / 2 - source.width / 2) <
    Math.abs(b.box[0] + b.box[2] / 2 - source.width / 2)
      ? a
      : b,
  );
  const neutral = portraitFrame(source, central);
  const [inFrame] = await engine.detect(neutral);
  if (inFrame === undefined) throw new Error('bench: no face in the framed photo');
  const synth = syntheticFrames(neutral, inFrame);
  const cycle = [synth.neutral, synth.eyesClosed, synth.neutral, synth.mirrored].map((f) =>
    encodeJpeg(f, 80),
  );
  const sequence: Uint8Array[] = [];
  for (let i = 0; i < frames; i++) {
    const frame = cycle[i % cycle.length];
    if (frame !== undefined) sequence.push(frame);
  }

  // One embedding and the old every-frame path, interleaved with the attempts so that the machine's
  // load (shared, 2 cores) weighs on both sides of the ratio alike.
  const embeddingTimes: number[] = [];
  const everyFrameTimes: number[] = [];
  const oneEmbedding = async (): Promise<void> => {
    const image = decodeImage(cycle[0] ?? new Uint8Array());
    for (let k = 0; k < 3; k++) {
      const a = performance.now();
      await engine.detect(image, { embedding: false });
      const b = performance.now();
      await engine.detect(image, { embedding: true });
      embeddingTimes.push(performance.now() - b - (b - a));
    }
  };
  const everyFrame = async (): Promise<void> => {
    const start = performance.now();
    for (const bytes of sequence) await engine.detect(decodeImage(bytes), { embedding: true });
    everyFrameTimes.push(performance.now() - start);
  };

  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const r = await verifier.verify({
      reference: enrolled.template,
      frames: sequence,
      challenge: { actions: ['blink', 'turn-right'] },
    });
    times.push(performance.now() - start);
    if (!r.match) throw new Error(`bench sequence was not approved: ${r.refusal ?? ''}`);
    await oneEmbedding();
    await everyFrame();
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 0.5);
  return {
    p50Ms: Math.round(p50),
    p95Ms: Math.round(percentile(times, 0.95)),
    frames,
    perFrameP50Ms: Math.round(p50 / frames),
    loadMs: Math.round(loadMs),
    embeddingP50Ms: Math.round(
      percentile(
        [...embeddingTimes].sort((a, b) => a - b),
        0.5,
      ),
    ),
    everyFrameP50Ms: Math.round(
      percentile(
        [...everyFrameTimes].sort((a, b) => a - b),
        0.5,
      ),
    ),
  };
}
