// Test tooling (not product code): camera-like JPEG frames of test person A that really perform a
// liveness challenge as the face engine measures it, built with server/face's synthetic sequence.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeImage, encodeJpeg } from '../face/decode-image';
import { getHumanEngine, type DetectedFace } from '../face/human-engine';
import { portraitFrame, syntheticFrames } from '../face/synthetic-sequence';
import type { ChallengeAction } from '../../shared/api/delegation';
import { defaultFacePhotoDir } from '../seed/demo-faces';

type Pose = 'n' | 'c' | 'm';
export type LiveFrames = { n: string; c: string; m: string; turnFromNeutral: 'turn-left' | 'turn-right' };

let cached: Promise<LiveFrames> | undefined;

const central = (faces: DetectedFace[], width: number): DetectedFace | undefined =>
  faces.reduce<DetectedFace | undefined>(
    (best, f) =>
      best === undefined ||
      Math.abs(f.box[0] + f.box[2] / 2 - width / 2) < Math.abs(best.box[0] + best.box[2] / 2 - width / 2)
        ? f
        : best,
    undefined,
  );

/** Neutral, eyes-closed and mirrored frames of person A, and which turn neutral → mirrored reads as. */
export const liveFramesOfPersonA = (): Promise<LiveFrames> => {
  cached ??= (async () => {
    const engine = await getHumanEngine();
    const camera = decodeImage(readFileSync(path.join(defaultFacePhotoDir(), 'person-a-camera.jpg')));
    const face = central(await engine.detect(camera), camera.width);
    if (!face) throw new Error('no face in person-a-camera.jpg');
    const neutral = portraitFrame(camera, face);
    const [inFrame] = await engine.detect(neutral);
    if (!inFrame) throw new Error('no face in the framed photo');
    const synth = syntheticFrames(neutral, inFrame);
    const [mirrored] = await engine.detect(synth.mirrored);
    const b64 = (img: typeof neutral): string => Buffer.from(encodeJpeg(img, 80)).toString('base64');
    return {
      n: b64(synth.neutral),
      c: b64(synth.eyesClosed),
      m: b64(synth.mirrored),
      // Positive yaw is the subject's own left: a rise in yaw is a turn to the left.
      turnFromNeutral: (mirrored?.yaw ?? 0) > inFrame.yaw ? 'turn-left' : 'turn-right',
    };
  })();
  return cached;
};

/** The fewest frames that perform `actions` in order: blink = closed then open, turns swap the pose. */
export const framesPerforming = (live: LiveFrames, actions: readonly ChallengeAction[]): string[] => {
  const poses: Pose[] = ['n'];
  let at = 'n' as Pose;
  const go = (p: Pose): void => {
    poses.push(p);
    at = p;
  };
  for (const a of actions) {
    if (a === 'blink') {
      if (at !== 'n') go('n');
      go('c');
      go('n');
    } else {
      // neutral → mirrored is `turnFromNeutral`; mirrored → neutral is the other way.
      const want: Pose = a === live.turnFromNeutral ? 'm' : 'n';
      if (at === want) go(want === 'm' ? 'n' : 'm');
      go(want);
    }
  }
  return poses.map((p) => live[p]);
};
