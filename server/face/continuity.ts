// Same-face continuity between camera frames, so that the identity embedding (the costliest model)
// need not run on every frame. A frame that is not plainly the continuation of an earlier one gets
// its own embedding, so any doubt costs time, never a check.
import type { DetectedFace } from './human-engine';

export interface ContinuitySettings {
  /** Largest move of the box centre between frames, as a fraction of the box width. */
  maxCentreShift: number;
  /** Largest change of the box width between frames, as a ratio (and its inverse). */
  maxSizeRatio: number;
  /** Largest mean distance of the mesh points, each taken relative to its box and divided by its width. */
  maxMeshDistance: number;
}

// Measured on the test photos (bench/face-profile.ts's frames, JPEG q80): the same face with the
// eyes closed moved the mesh 0.009; a head turn 0.12; another person framed the same way 0.03–0.13
// (0.031 against the turned face). 0.02 sits below every other-person pair; real head motion
// between frames breaks it often, which only means more embeddings.
export const DEFAULT_CONTINUITY_SETTINGS: ContinuitySettings = {
  maxCentreShift: 0.25,
  maxSizeRatio: 1.25,
  maxMeshDistance: 0.02,
};

function meshDistance(a: DetectedFace, b: DetectedFace): number {
  const n = Math.min(a.mesh.length, b.mesh.length);
  if (n === 0) return Infinity;
  const [ax, ay, aw, ah] = a.box;
  const [bx, by, bw, bh] = b.box;
  if (aw <= 0 || bw <= 0) return Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = a.mesh[i];
    const q = b.mesh[i];
    if (p === undefined || q === undefined) return Infinity;
    const dx = (p[0] - ax - aw / 2) / aw - (q[0] - bx - bw / 2) / bw;
    const dy = (p[1] - ay - ah / 2) / aw - (q[1] - by - bh / 2) / bw;
    sum += Math.hypot(dx, dy);
  }
  return sum / n;
}

/** True when `next` is plainly the same face as `prev`: box and mesh barely moved. */
export function isContinuation(
  prev: DetectedFace,
  next: DetectedFace,
  s: ContinuitySettings = DEFAULT_CONTINUITY_SETTINGS,
): boolean {
  const [px, py, pw, ph] = prev.box;
  const [nx, ny, nw, nh] = next.box;
  if (pw <= 0 || nw <= 0) return false;
  const shift = Math.hypot(nx + nw / 2 - (px + pw / 2), ny + nh / 2 - (py + ph / 2)) / pw;
  const size = nw / pw;
  if (shift > s.maxCentreShift || size > s.maxSizeRatio || size < 1 / s.maxSizeRatio) return false;
  return meshDistance(prev, next) <= s.maxMeshDistance;
}
