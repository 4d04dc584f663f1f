import type { ChallengeAction } from '../api/delegation';
import { text, type LocalizedText } from '../text';

/** What the phone page asks for each liveness action, in plain words. */
export const challengeActionText: Record<ChallengeAction, LocalizedText> = {
  'turn-left': text('请慢慢向左转头，再转回正面', 'Slowly turn your head to your left, then back'),
  'turn-right': text('请慢慢向右转头，再转回正面', 'Slowly turn your head to your right, then back'),
  blink: text('请慢慢闭上眼睛，再睁开', 'Slowly close your eyes, then open them'),
};

/**
 * How the phone captures frames: a short lead-in looking straight at the camera, then each action
 * in turn, one frame every `intervalMs`. Frequent enough that a slow blink and a head turn each
 * land on several frames; few enough that verification stays within a few seconds.
 */
export const CAPTURE_PLAN = { leadInFrames: 2, perActionMs: 1800, intervalMs: 300 } as const;

export const framesPerAction = (): number => Math.ceil(CAPTURE_PLAN.perActionMs / CAPTURE_PLAN.intervalMs);

export const plannedFrameCount = (actions: readonly ChallengeAction[]): number =>
  CAPTURE_PLAN.leadInFrames + actions.length * framesPerAction();
