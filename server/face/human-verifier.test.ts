// Runs the real model (WASM) on photos from the @vladmandic/face-api package; loads it once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { decodeImage, encodeJpeg } from './decode-image';
import { getHumanEngine, type DetectedFace } from './human-engine';
import { cosineSimilarity, DEFAULT_FACE_THRESHOLD, HumanFaceVerifier } from './human-verifier';
import { portraitFrame, syntheticFrames } from './synthetic-sequence';
import { cropResize, flipHorizontal } from './image-ops';
import {
  deriveTestFacePhotos,
  faceApiSamplePath,
  FIXTURE_FILES,
  type TestFacePhotos,
} from '../test/test-faces';
import type { FaceTemplate, LivenessAction } from './verifier';

let fetchSpy: MockInstance<typeof fetch>;
let verifier: HumanFaceVerifier;
let photos: TestFacePhotos;
let refA: FaceTemplate;
let refB: FaceTemplate;
// Camera-like JPEG frames of person A (neutral, eyes closed, mirrored = head turned the other way)
// and one of person B framed the same way.
let live: { n: Uint8Array; c: Uint8Array; m: Uint8Array; b: Uint8Array };

const only = (faces: DetectedFace[]): DetectedFace => {
  expect(faces).toHaveLength(1);
  const [f] = faces;
  if (f === undefined) throw new Error('no face');
  return f;
};

async function template(image: Uint8Array): Promise<FaceTemplate> {
  const r = await verifier.enrol(image);
  if (!r.ok) throw new Error(`enrol refused: ${r.refusal}`);
  return r.template;
}

async function cameraFrame(
  photo: Uint8Array,
): Promise<{ frame: ReturnType<typeof decodeImage>; face: DetectedFace }> {
  const engine = await getHumanEngine();
  const source = decodeImage(photo);
  const frame = portraitFrame(source, only(await engine.detect(source)));
  return { frame, face: only(await engine.detect(frame)) };
}

beforeAll(async () => {
  fetchSpy = vi.spyOn(globalThis, 'fetch');
  verifier = await HumanFaceVerifier.create();
  photos = deriveTestFacePhotos();
  refA = await template(photos.personAId);
  refB = await template(photos.personBId);
  // person-a-camera has a neighbour's face at its edge: frame the central face like the fake camera does.
  const engine = await getHumanEngine();
  const camera = decodeImage(photos.personACamera);
  const central = (await engine.detect(camera)).reduce((a, b) =>
    Math.abs(a.box[0] + a.box[2] / 2 - camera.width / 2) <
    Math.abs(b.box[0] + b.box[2] / 2 - camera.width / 2)
      ? a
      : b,
  );
  const neutral = portraitFrame(camera, central);
  const synth = syntheticFrames(neutral, only(await engine.detect(neutral)));
  const b = await cameraFrame(photos.personBId);
  live = {
    n: encodeJpeg(synth.neutral, 80),
    c: encodeJpeg(synth.eyesClosed, 80),
    m: encodeJpeg(synth.mirrored, 80),
    b: encodeJpeg(b.frame, 80),
  };
}, 120_000);

afterAll(() => fetchSpy.mockRestore());

const verify = (reference: FaceTemplate, frames: Uint8Array[], ...actions: LivenessAction[]) =>
  verifier.verify({ reference, frames, challenge: { actions } });

describe('HumanFaceVerifier', () => {
  it('runs on the WASM backend with models from disk and never touches the network', async () => {
    const engine = await getHumanEngine();
    expect(engine.backend).toBe('wasm');
    expect(verifier.engine).toMatch(/^human@3\.\d+\.\d+\/faceres$/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('keeps the committed e2e fixtures identical to what test-faces derives from the package', () => {
    for (const [key, file] of Object.entries(FIXTURE_FILES)) {
      const committed = readFileSync(path.join('e2e/fixtures/faces', file));
      expect(Buffer.compare(committed, photos[key as keyof typeof FIXTURE_FILES]), file).toBe(0);
    }
  });

  it('enrols a template (embedding only) from a one-face photo', () => {
    expect(refA.engine).toBe(verifier.engine);
    expect(refA.vector).toHaveLength(1024);
  });

  it('matches the same person in another shot and not a different person', async () => {
    const sameShot = cosineSimilarity(refA.vector, (await template(photos.personACamera)).vector);
    const sameMirrored = cosineSimilarity(refA.vector, (await template(live.m)).vector);
    const other = cosineSimilarity(refA.vector, refB.vector);
    const otherFramed = cosineSimilarity(refA.vector, (await template(live.b)).vector);
    expect(sameShot).toBeGreaterThanOrEqual(DEFAULT_FACE_THRESHOLD);
    expect(sameMirrored).toBeGreaterThanOrEqual(DEFAULT_FACE_THRESHOLD);
    expect(other).toBeLessThan(DEFAULT_FACE_THRESHOLD);
    expect(otherFramed).toBeLessThan(DEFAULT_FACE_THRESHOLD);
  });

  it('approves the enrolled person performing the challenge', async () => {
    // Subject A is turned to her left in the photo; the mirror turns her to the right.
    const r = await verify(refA, [live.n, live.c, live.n, live.m], 'blink', 'turn-right');
    expect(r).toMatchObject({ match: true, facesPerFrame: [1, 1, 1, 1], engine: verifier.engine });
    expect(r.refusal).toBeUndefined();
    expect(r.liveness).toEqual({ passed: true, observed: ['blink@2', 'turn-right@3'] });
    expect(r.similarity).toBeGreaterThanOrEqual(r.threshold);
    const l = await verify(refA, [live.m, live.n, live.c, live.n], 'turn-left', 'blink');
    expect(l.match).toBe(true);
  });

  it('refuses the same frames for a challenge in another order, and a still photo', async () => {
    const wrongOrder = await verify(refA, [live.n, live.c, live.n, live.m], 'turn-right', 'blink');
    expect(wrongOrder).toMatchObject({ match: false, refusal: 'LIVENESS_FAILED' });
    expect(wrongOrder.liveness.observed).toEqual(['turn-right@3']);
    const still = await verify(refA, [live.n, live.n, live.n, live.n], 'blink', 'turn-left');
    expect(still).toMatchObject({ match: false, refusal: 'LIVENESS_FAILED' });
    expect(still.similarity).toBeGreaterThanOrEqual(still.threshold);
  });

  it('refuses a live performance by someone else', async () => {
    const r = await verify(refB, [live.n, live.c, live.n, live.m], 'blink', 'turn-right');
    expect(r).toMatchObject({ match: false, refusal: 'FACE_MISMATCH' });
    expect(r.liveness.passed).toBe(true);
    expect(r.similarity).toBeLessThan(r.threshold);
  });

  it('refuses a sequence where another person appears in one frame', async () => {
    const r = await verify(refA, [live.n, live.c, live.b, live.m], 'blink', 'turn-right');
    expect(r).toMatchObject({ match: false, refusal: 'FACE_MISMATCH' });
    expect(r.minFrameSimilarity).toBeLessThan(verifier.settings.frameFloor);
  });

  it('refuses bytes that are not an image, at the frame where they occur', async () => {
    const text = new TextEncoder().encode('this is not a photo');
    expect(await verifier.enrol(text)).toEqual({ ok: false, refusal: 'NOT_AN_IMAGE' });
    const r = await verify(refA, [live.n, text, live.n], 'blink', 'turn-left');
    expect(r).toMatchObject({ match: false, refusal: 'NOT_AN_IMAGE', facesPerFrame: [1, -1] });
  });

  it('refuses an image with no face', async () => {
    expect(await verifier.enrol(photos.noFace)).toEqual({ ok: false, refusal: 'NO_FACE' });
    const r = await verify(refA, [photos.noFace, live.n, live.c], 'blink', 'turn-left');
    expect(r).toMatchObject({ match: false, refusal: 'NO_FACE', facesPerFrame: [0] });
  });

  it('refuses an image with two or more faces', async () => {
    expect(await verifier.enrol(photos.group)).toEqual({ ok: false, refusal: 'MULTIPLE_FACES' });
    const r = await verify(refA, [live.n, photos.group, live.n], 'blink', 'turn-left');
    expect(r.refusal).toBe('MULTIPLE_FACES');
    expect(r.facesPerFrame[1]).toBeGreaterThanOrEqual(2);
  });

  it('refuses templates from another engine and too few frames without analysing anything', async () => {
    const foreign = { engine: 'other-model', vector: refA.vector };
    expect(await verify(foreign, [live.n, live.c, live.n], 'blink', 'turn-left')).toMatchObject({
      refusal: 'TEMPLATE_MISMATCH',
      facesPerFrame: [],
    });
    expect((await verify(refA, [live.n], 'blink', 'turn-left')).refusal).toBe('TOO_FEW_FRAMES');
  });
});

describe('human engine', () => {
  it('reports yaw as the subject turning towards their own left (+) or right (−)', async () => {
    const engine = await getHumanEngine();
    // Sample 2's left-most woman is in near profile, facing the left edge of the picture: that is
    // her own right. (human reads a near profile at only 10–35°, depending on framing.)
    const profile = cropResize(decodeImage(readFileSync(faceApiSamplePath(2))), [120, 0, 640, 560], 480, 420);
    const right = only(await engine.detect(profile));
    const left = only(await engine.detect(flipHorizontal(profile)));
    expect(right.yaw).toBeLessThan(-8);
    expect(left.yaw).toBeGreaterThan(8);
  });

  it('downscales large photos for detection and reports boxes in the original pixels', async () => {
    const engine = await getHumanEngine();
    const small = decodeImage(photos.personAId);
    const large = cropResize(small, [0, 0, small.width, small.height], small.width * 5, small.height * 5);
    const a = only(await engine.detect(small));
    const b = only(await engine.detect(large));
    expect(b.box[0] / 5).toBeCloseTo(a.box[0], -1);
    expect(b.box[2] / 5).toBeCloseTo(a.box[2], -1);
    expect(cosineSimilarity(a.embedding, b.embedding)).toBeGreaterThan(0.9);
  });
});

describe('face engine memory', () => {
  it('leaves no tensors behind over repeated checks, approved or refused', async () => {
    const engine = await getHumanEngine();
    const check = async (): Promise<void> => {
      expect((await verify(refA, [live.n, live.c, live.n, live.m], 'blink', 'turn-right')).match).toBe(true);
      expect((await verify(refA, [live.n, live.b, live.n], 'blink')).match).toBe(false);
    };
    await check();
    const settled = engine.tensorCount();
    for (let i = 0; i < 5; i++) await check();
    expect(engine.tensorCount()).toBe(settled);
  }, 120_000);
});
