// Turns one still photo into camera-like frames that *really show* the liveness actions as the face
// model measures them, for tests and Chromium's fake camera. This is test tooling, not product code.
//
// What was measured (human 3.3.6, see docs/face-verification.md): warping a still (perspective tilt,
// cylindrical "head turn" warp) moves human's yaw by only 4–7°, because its yaw comes from the
// mesh's predicted depth, not the 2D layout. What does move it is the face's own pose: a photo whose
// subject is turned ~10° reads +10°, and its mirror image reads −10°. So "turns" here alternate the
// photo and its mirror (a ~20° swing), and a "blink" paints the eye openings over with eyelid skin.
// A photo of a frontal face therefore cannot produce turns: pick a subject turned 8–12°.
import type { RgbImage } from './decode-image';
import type { DetectedFace } from './human-engine';
import { cropResize, flipHorizontal } from './image-ops';

export type SyntheticPose = 'neutral' | 'mirrored' | 'eyes-closed';

export interface SyntheticFrames {
  neutral: RgbImage;
  mirrored: RgbImage;
  eyesClosed: RgbImage;
}

// Eye contours in MediaPipe face-mesh indexing, corner to corner.
const EYES = [
  { upper: [33, 246, 161, 160, 159, 158, 157, 173, 133], lower: [33, 7, 163, 144, 145, 153, 154, 155, 133] },
  {
    upper: [263, 466, 388, 387, 386, 385, 384, 398, 362],
    lower: [263, 249, 390, 373, 374, 380, 381, 382, 362],
  },
] as const;

type Pt = [number, number];

function inPolygon(x: number, y: number, poly: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] ?? [0, 0];
    const [xj, yj] = poly[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Crops a width×height frame around the face (face ≈ 45 % of the frame height) and replaces
 * everything outside an ellipse around the head with a plain background, so that other people in
 * the source photo never appear in a frame.
 */
export function portraitFrame(source: RgbImage, face: DetectedFace, width = 640, height = 480): RgbImage {
  const [bx, by, bw, bh] = face.box;
  const scale = (0.45 * height) / bh;
  const cx = bx + bw / 2;
  const cy = by + bh / 2;
  const frame = cropResize(
    source,
    [cx - width / 2 / scale, cy - height / 2 / scale, width / scale, height / scale],
    width,
    height,
  );
  const rx = 0.8 * bw * scale;
  const ry = 1.05 * bh * scale;
  const feather = 0.12;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot((x - width / 2) / rx, (y - height / 2) / ry);
      if (d <= 1 - feather) continue;
      const keep = d >= 1 ? 0 : (1 - d) / feather;
      const bg = 200 - (40 * y) / height; // soft vertical gradient, like a lit wall
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        frame.data[o + c] = Math.round((frame.data[o + c] ?? 0) * keep + bg * (1 - keep));
      }
    }
  }
  return frame;
}

/**
 * Paints both eye openings over with the skin just above them and draws a dark lash line where
 * the lids meet. `face` must be detected on `frame` itself (mesh in frame pixels).
 */
export function closeEyes(frame: RgbImage, face: DetectedFace): RgbImage {
  const out: RgbImage = { width: frame.width, height: frame.height, data: frame.data.slice() };
  const at = (i: number): Pt => face.mesh[i] ?? [0, 0];
  for (const eye of EYES) {
    const upper = eye.upper.map(at);
    const lower = eye.lower.map(at);
    const outline = [...upper, ...lower.slice().reverse()];
    const xs = outline.map((p) => p[0]);
    const ys = outline.map((p) => p[1]);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const grown: Pt[] = outline.map(([x, y]) => [mx + (x - mx) * 1.15, my + (y - my) * 1.5]);
    const eyeHeight = Math.max(...ys) - Math.min(...ys) + 6;
    const x0 = Math.max(0, Math.floor(Math.min(...grown.map((p) => p[0]))));
    const x1 = Math.min(frame.width - 1, Math.ceil(Math.max(...grown.map((p) => p[0]))));
    const y0 = Math.max(0, Math.floor(Math.min(...grown.map((p) => p[1]))));
    const y1 = Math.min(frame.height - 1, Math.ceil(Math.max(...grown.map((p) => p[1]))));
    for (let y = y0; y <= y1; y++) {
      const sy = Math.max(0, y - Math.round(eyeHeight * 1.1));
      for (let x = x0; x <= x1; x++) {
        if (!inPolygon(x, y, grown)) continue;
        for (let c = 0; c < 3; c++)
          out.data[(y * frame.width + x) * 3 + c] = frame.data[(sy * frame.width + x) * 3 + c] ?? 0;
      }
    }
    for (let i = 0; i + 1 < lower.length; i++) {
      const [ax, ay] = lower[i] ?? [0, 0];
      const [bx, by] = lower[i + 1] ?? [0, 0];
      for (let s = 0; s <= 20; s++) {
        const x = Math.round(ax + ((bx - ax) * s) / 20);
        const yLine = Math.round(ay + ((by - ay) * s) / 20 - 1);
        for (const y of [yLine, yLine + 1]) {
          if (x < 0 || y < 0 || x >= frame.width || y >= frame.height) continue;
          const o = (y * frame.width + x) * 3;
          for (let c = 0; c < 3; c++) out.data[o + c] = Math.round((out.data[o + c] ?? 0) * 0.35);
        }
      }
    }
  }
  return out;
}

export function syntheticFrames(neutral: RgbImage, faceInFrame: DetectedFace): SyntheticFrames {
  return { neutral, mirrored: flipHorizontal(neutral), eyesClosed: closeEyes(neutral, faceInFrame) };
}

/**
 * One loop of poses at 10 fps (1.7 s). neutral → eyes-closed → neutral is a blink; neutral ↔
 * mirrored are turns in opposite directions (which one is "left" depends on the subject's pose in
 * the photo). Each loop holds three actions (blink, one turn, the other turn), so any order of the
 * three appears in any window of three loops, wherever the capture starts; two actions need two.
 */
export const LOOP: readonly [SyntheticPose, number][] = [
  ['neutral', 4],
  ['eyes-closed', 4],
  ['neutral', 4],
  ['mirrored', 5],
];

export function loopPoses(loops = 1): SyntheticPose[] {
  const poses: SyntheticPose[] = [];
  for (let l = 0; l < loops; l++) for (const [pose, n] of LOOP) for (let i = 0; i < n; i++) poses.push(pose);
  return poses;
}

export function frameFor(frames: SyntheticFrames, pose: SyntheticPose): RgbImage {
  return pose === 'neutral' ? frames.neutral : pose === 'mirrored' ? frames.mirrored : frames.eyesClosed;
}
