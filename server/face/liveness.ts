// Active liveness: a random sequence of head turns and a blink, checked on per-frame measurements.
// evaluateLiveness is pure so the rules can be tested without a face model.
import { randomInt as cryptoRandomInt } from 'node:crypto';
import type { LivenessAction, LivenessChallenge, LivenessResult } from './verifier';

export interface FrameMeasurement {
  /** Head yaw in degrees; positive = turned towards the subject's own left. */
  yaw: number;
  /** Eye aspect ratios of the subject's left and right eye. */
  eyes: { left: number; right: number };
}

export interface LivenessSettings {
  /** A turn must start from a pose within this many degrees of facing the camera. */
  maxNeutralYaw: number;
  /** Minimum yaw change, in degrees, from that starting pose in the asked direction. */
  turnDegrees: number;
  /** Eyes count as closed when both eye aspect ratios fall to this fraction of an earlier open frame's. */
  closedRatio: number;
  /** ...and as reopened when it comes back to at least this fraction of that open frame. */
  reopenRatio: number;
}

// human's yaw reads real head turns at roughly half their true angle (a near-profile face reads
// ~30°), so 12° is a deliberate turn of ~25–30°, well above the ±3° frame-to-frame jitter measured
// on still photos. Eye aspect ratio of an open eye is ~0.25–0.40; a closed eye falls under half of it.
export const DEFAULT_LIVENESS_SETTINGS: LivenessSettings = {
  maxNeutralYaw: 15,
  turnDegrees: 12,
  closedRatio: 0.65,
  reopenRatio: 0.85,
};

const TURNS: readonly LivenessAction[] = ['turn-left', 'turn-right'];

/**
 * Two or three actions that always include a blink (a printed photo cannot blink) and at least one
 * head turn (a photo with the eyes cut out, held by someone else, cannot turn with the face).
 * `randomInt(n)` returns an integer in [0, n); the default is crypto-strong.
 */
export function createChallenge(randomInt: (n: number) => number = cryptoRandomInt): LivenessChallenge {
  const pick = <T>(items: readonly T[]): T => {
    const item = items[randomInt(items.length)];
    if (item === undefined) throw new Error('randomInt out of range');
    return item;
  };
  const actions: LivenessAction[] =
    randomInt(2) === 0 ? ['blink', pick(TURNS)] : ['blink', 'turn-left', 'turn-right'];
  // Fisher–Yates so every order is equally likely.
  for (let i = actions.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    const a = actions[i];
    const b = actions[j];
    if (a === undefined || b === undefined) throw new Error('randomInt out of range');
    actions[i] = b;
    actions[j] = a;
  }
  return { actions };
}

// A blink closes both eyes: the more open eye decides, so a wink or a one-eye misreading is not one.
const openness = (m: FrameMeasurement): number => Math.max(m.eyes.left, m.eyes.right);

/** Earliest frame index >= start at which a turn in the given direction is complete, or -1. */
function findTurn(
  frames: readonly FrameMeasurement[],
  start: number,
  direction: 1 | -1,
  s: LivenessSettings,
): number {
  // Best neutral starting yaw seen so far: the lowest for a left turn, the highest for a right one.
  let best: number | undefined;
  for (let k = start; k < frames.length; k++) {
    const yaw = frames[k]?.yaw ?? 0;
    if (best !== undefined && direction * (yaw - best) >= s.turnDegrees) return k;
    if (Math.abs(yaw) <= s.maxNeutralYaw && (best === undefined || direction * (yaw - best) < 0)) best = yaw;
  }
  return -1;
}

/** Earliest frame index >= start at which open → closed → reopened is complete, or -1. */
function findBlink(frames: readonly FrameMeasurement[], start: number, s: LivenessSettings): number {
  const ear = frames.map(openness);
  for (let k = start + 2; k < ear.length; k++) {
    const reopened = ear[k] ?? 0;
    for (let i = start; i < k - 1; i++) {
      const open = ear[i] ?? 0;
      if (open <= 0 || reopened < s.reopenRatio * open) continue;
      for (let j = i + 1; j < k; j++) {
        if ((ear[j] ?? Infinity) <= s.closedRatio * open) return k;
      }
    }
  }
  return -1;
}

/**
 * Checks that the challenge's actions appear in the frames in order. Each action is matched at its
 * earliest completion, and the next one may start on that same frame (the end of one turn is the
 * start of the next).
 */
export function evaluateLiveness(
  challenge: LivenessChallenge,
  frames: readonly FrameMeasurement[],
  settings: LivenessSettings = DEFAULT_LIVENESS_SETTINGS,
): LivenessResult {
  const observed: string[] = [];
  let cursor = 0;
  for (const action of challenge.actions) {
    const done =
      action === 'blink'
        ? findBlink(frames, cursor, settings)
        : findTurn(frames, cursor, action === 'turn-left' ? 1 : -1, settings);
    if (done < 0) {
      const after = observed.length > 0 ? ` after ${observed.join(', ')}` : '';
      return { passed: false, observed, reason: `${action} not observed${after}` };
    }
    observed.push(`${action}@${done}`);
    cursor = done;
  }
  return { passed: true, observed };
}
