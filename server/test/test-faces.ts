// Test photos derived from the sample pictures shipped in the npm package @vladmandic/face-api
// (MIT; demo/sample1–6.jpg are group photos of several people each). Each person appears in only
// one of them, so "same person, another photo" is the same face re-cropped, scaled, re-lit and
// re-compressed. The crop rectangles are fixed so the outputs are byte-for-byte reproducible.
//
//   npx tsx server/test/test-faces.ts e2e/fixtures/faces   # rewrite the committed fixtures
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeImage, encodeJpeg, type RgbImage } from '../face/decode-image';
import { adjustLevels, cropResize } from '../face/image-ops';

const require = createRequire(import.meta.url);

export function faceApiSamplePath(n: 1 | 2 | 3 | 4 | 5 | 6): string {
  const pkg = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
  return path.join(pkg, 'demo', `sample${n}.jpg`);
}

const cache = new Map<number, RgbImage>();
function sample(n: 1 | 2 | 3 | 4 | 5 | 6): RgbImage {
  let img = cache.get(n);
  if (img === undefined) {
    img = decodeImage(readFileSync(faceApiSamplePath(n)));
    cache.set(n, img);
  }
  return img;
}

type Box = [number, number, number, number];
// Face boxes as human reports them on the full-size samples.
const PERSON_A = { sample: 6, box: [176, 457, 361, 360] } as const; // left-most woman, head turned ~10°
const PERSON_B = { sample: 3, box: [515, 295, 360, 360] } as const; // left-most woman

function around(box: Box | readonly number[], widthFactor: number, heightFactor: number, lift: number): Box {
  const [x = 0, y = 0, w = 0, h = 0] = box;
  const cx = x + w / 2;
  const cy = y + h / 2 - lift * h;
  return [cx - (w * widthFactor) / 2, cy - (h * heightFactor) / 2, w * widthFactor, h * heightFactor];
}

export interface TestFacePhotos {
  /** ID-photo style portrait of person A (the enrolment reference). */
  personAId: Uint8Array;
  /** A wider, darker, more compressed shot of person A: the source for camera frames. */
  personACamera: Uint8Array;
  /** ID-photo style portrait of a different person. */
  personBId: Uint8Array;
  /** Three people in one picture. */
  group: Uint8Array;
  /** A scene with no face (window blinds from sample 6). */
  noFace: Uint8Array;
}

export function deriveTestFacePhotos(): TestFacePhotos {
  const a = sample(PERSON_A.sample);
  const b = sample(PERSON_B.sample);
  return {
    personAId: encodeJpeg(cropResize(a, around(PERSON_A.box, 1.5, 2.0, 0.1), 300, 400), 88),
    personACamera: encodeJpeg(
      adjustLevels(cropResize(a, around(PERSON_A.box, 2.0, 2.0, 0), 420, 420), 0.9, 8),
      75,
    ),
    personBId: encodeJpeg(cropResize(b, around(PERSON_B.box, 1.5, 2.0, 0.1), 300, 400), 88),
    group: encodeJpeg(cropResize(sample(1), [0, 0, 1920, 1280], 960, 640), 85),
    noFace: encodeJpeg(cropResize(sample(6), [1250, 0, 400, 300], 400, 300), 85),
  };
}

/** The photos the e2e flow and demo seed need are committed; the rest are derived at test time. */
export const FIXTURE_FILES = {
  personAId: 'person-a-id.jpg',
  personACamera: 'person-a-camera.jpg',
  personBId: 'person-b-id.jpg',
} as const satisfies Partial<Record<keyof TestFacePhotos, string>>;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'e2e/fixtures/faces';
  mkdirSync(dir, { recursive: true });
  const photos = deriveTestFacePhotos();
  for (const [key, file] of Object.entries(FIXTURE_FILES)) {
    const bytes = photos[key as keyof typeof FIXTURE_FILES];
    writeFileSync(path.join(dir, file), bytes);
    console.log(`${path.join(dir, file)} ${bytes.byteLength} bytes`);
  }
}
