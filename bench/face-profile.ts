// One-off profile of a face attempt's parts (npx tsx bench/face-profile.ts): decode, detection +
// mesh + iris without the embedding, and with it. Printed, not written anywhere.
import { decodeImage, encodeJpeg } from '../server/face/decode-image';
import { getHumanEngine } from '../server/face/human-engine';
import { portraitFrame, syntheticFrames } from '../server/face/synthetic-sequence';
import { deriveTestFacePhotos } from '../server/test/test-faces';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const main = async (): Promise<void> => {
  const engine = await getHumanEngine();
  const photos = deriveTestFacePhotos();
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
  if (inFrame === undefined) throw new Error('no face');
  const jpeg = encodeJpeg(syntheticFrames(neutral, inFrame).neutral, 80);
  const decode: number[] = [];
  const noEmb: number[] = [];
  const withEmb: number[] = [];
  for (let i = 0; i < 9; i++) {
    let t = performance.now();
    const img = decodeImage(jpeg);
    decode.push(performance.now() - t);
    t = performance.now();
    await engine.detect(img, { embedding: false });
    noEmb.push(performance.now() - t);
    t = performance.now();
    await engine.detect(img);
    withEmb.push(performance.now() - t);
  }
  const d = median(decode);
  const n = median(noEmb);
  const w = median(withEmb);
  console.log(
    `decode ${d.toFixed(1)} ms; detect+mesh+iris ${n.toFixed(1)} ms; +embedding ${w.toFixed(1)} ms`,
  );
  console.log(`embedding alone ≈ ${(w - n).toFixed(1)} ms; frame ${(d + w).toFixed(1)} ms`);
};

void main();
