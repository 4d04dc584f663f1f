// Writes a Y4M video for Chromium's fake camera from one face photo:
//   chromium --use-fake-device-for-media-stream --use-file-for-fake-video-capture=<out>
// One loop is neutral → eyes closed → neutral → mirrored, 17 frames (see
// server/face/synthetic-sequence.ts for why a mirror stands in for a head turn). Chromium replays the
// file endlessly, so a capture spanning three loops (≈ 5 s at 10 fps) contains every order of the
// three liveness actions. --fps changes the loop's duration, not its frame count.
//
//   npx tsx scripts/make-fake-camera.ts [--photo e2e/fixtures/faces/person-a-camera.jpg]
//        [--out e2e/.generated/fake-camera.y4m] [--fps 10] [--loops 2]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeImage } from '../server/face/decode-image';
import { getHumanEngine, type DetectedFace } from '../server/face/human-engine';
import {
  frameFor,
  loopPoses,
  portraitFrame,
  syntheticFrames,
  type SyntheticPose,
} from '../server/face/synthetic-sequence';
import { y4mFrame, y4mHeader } from '../server/face/y4m';

export interface FakeCameraOptions {
  photo: string;
  out: string;
  fps?: number;
  loops?: number;
  width?: number;
  height?: number;
}

export interface FakeCameraResult {
  out: string;
  frames: number;
  poses: SyntheticPose[];
  /** What the face engine measures on each distinct pose, for the log and for tests. */
  measured: Record<SyntheticPose, { faces: number; yaw: number; ear: number }>;
}

const central = (faces: DetectedFace[], width: number, height: number): DetectedFace | undefined => {
  const off = (f: DetectedFace): number =>
    Math.hypot(f.box[0] + f.box[2] / 2 - width / 2, f.box[1] + f.box[3] / 2 - height / 2) - f.box[2];
  return faces.reduce<DetectedFace | undefined>(
    (best, f) => (best === undefined || off(f) < off(best) ? f : best),
    undefined,
  );
};

export async function makeFakeCamera(options: FakeCameraOptions): Promise<FakeCameraResult> {
  const { photo, out, fps = 10, loops = 2, width = 640, height = 480 } = options;
  const engine = await getHumanEngine();
  const source = decodeImage(readFileSync(photo));
  const face = central(await engine.detect(source), source.width, source.height);
  if (face === undefined) throw new Error(`no face found in ${photo}`);
  const neutral = portraitFrame(source, face, width, height);
  const [inFrame, ...others] = await engine.detect(neutral);
  if (inFrame === undefined || others.length > 0) throw new Error(`expected one face in the framed photo`);
  const frames = syntheticFrames(neutral, inFrame);

  const measured = {} as FakeCameraResult['measured'];
  for (const pose of ['neutral', 'mirrored', 'eyes-closed'] as const) {
    const faces = await engine.detect(frameFor(frames, pose));
    const f = faces[0];
    measured[pose] = {
      faces: faces.length,
      yaw: f === undefined ? NaN : Math.round(f.yaw * 10) / 10,
      ear: f === undefined ? NaN : Math.round(((f.eyes.left + f.eyes.right) / 2) * 1000) / 1000,
    };
  }

  const poses = loopPoses(loops);
  const chunks: Uint8Array[] = [y4mHeader({ width, height, fps })];
  const encoded = new Map<SyntheticPose, Uint8Array>();
  for (const pose of poses) {
    let chunk = encoded.get(pose);
    if (chunk === undefined) {
      chunk = y4mFrame(frameFor(frames, pose));
      encoded.set(pose, chunk);
    }
    chunks.push(chunk);
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, Buffer.concat(chunks));
  return { out, frames: poses.length, poses, measured };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      photo: { type: 'string', default: 'e2e/fixtures/faces/person-a-camera.jpg' },
      out: { type: 'string', default: 'e2e/.generated/fake-camera.y4m' },
      fps: { type: 'string', default: '10' },
      loops: { type: 'string', default: '2' },
    },
  });
  const result = await makeFakeCamera({
    photo: values.photo,
    out: values.out,
    fps: Number(values.fps),
    loops: Number(values.loops),
  });
  console.log(`${result.out}: ${result.frames} frames`);
  console.log('measured per pose:', JSON.stringify(result.measured));
}
