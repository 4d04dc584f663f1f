import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createChallenge,
  DEFAULT_LIVENESS_SETTINGS,
  evaluateLiveness,
  type FrameMeasurement,
} from './liveness';
import { LivenessChallenge, type LivenessAction } from './verifier';

const OPEN = 0.32;
const CLOSED = 0.1;
// Shorthand frames: yaw in degrees, eyes open unless stated.
const f = (yaw: number, ear = OPEN): FrameMeasurement => ({ yaw, eyes: { left: ear, right: ear } });
const neutral = f(0);
const left = f(20);
const right = f(-20);
const shut = f(0, CLOSED);
const challenge = (...actions: LivenessAction[]): LivenessChallenge => ({ actions });

describe('evaluateLiveness', () => {
  it('passes actions performed in the asked order and reports where each completed', () => {
    const frames = [neutral, neutral, left, neutral, shut, neutral, right];
    const r = evaluateLiveness(challenge('turn-left', 'blink', 'turn-right'), frames);
    expect(r).toEqual({ passed: true, observed: ['turn-left@2', 'blink@5', 'turn-right@6'] });
  });

  it('fails the same actions in another order', () => {
    const frames = [neutral, left, neutral, shut, neutral, right];
    const r = evaluateLiveness(challenge('turn-right', 'blink', 'turn-left'), frames);
    expect(r.passed).toBe(false);
    expect(r.observed).toEqual(['turn-right@5']);
    expect(r.reason).toBe('blink not observed after turn-right@5');
  });

  it('fails a still face (a photo held up)', () => {
    const frames = Array.from({ length: 20 }, () => f(3));
    const r = evaluateLiveness(challenge('blink', 'turn-left'), frames);
    expect(r).toMatchObject({ passed: false, observed: [], reason: 'blink not observed' });
  });

  it('needs the turn to reach the threshold from a neutral pose', () => {
    const t = DEFAULT_LIVENESS_SETTINGS.turnDegrees;
    expect(evaluateLiveness(challenge('turn-left'), [f(2), f(2 + t)]).passed).toBe(true);
    expect(evaluateLiveness(challenge('turn-left'), [f(2), f(2 + t - 0.5)]).passed).toBe(false);
    expect(evaluateLiveness(challenge('turn-right'), [f(2), f(2 - t)]).passed).toBe(true);
    // Already turned away at the start: moving further is not a turn from facing the camera.
    const start = DEFAULT_LIVENESS_SETTINGS.maxNeutralYaw + 5;
    expect(evaluateLiveness(challenge('turn-left'), [f(start), f(start + 30)]).passed).toBe(false);
  });

  it('does not take a turn the wrong way for the asked one', () => {
    expect(evaluateLiveness(challenge('turn-left'), [neutral, right, neutral]).passed).toBe(false);
    expect(evaluateLiveness(challenge('turn-right'), [neutral, left, neutral]).passed).toBe(false);
  });

  it('counts left→right as a right turn (the end of one turn may start the next)', () => {
    const r = evaluateLiveness(challenge('turn-left', 'turn-right'), [f(-8), f(9), f(-8)]);
    expect(r).toEqual({ passed: true, observed: ['turn-left@1', 'turn-right@2'] });
  });

  it('needs the eyes to reopen after closing', () => {
    expect(evaluateLiveness(challenge('blink'), [neutral, shut, shut]).passed).toBe(false);
    expect(evaluateLiveness(challenge('blink'), [shut, neutral, neutral]).passed).toBe(false);
    expect(evaluateLiveness(challenge('blink'), [neutral, shut, neutral]).passed).toBe(true);
  });

  it('judges closure relative to the same person’s open eyes', () => {
    const s = DEFAULT_LIVENESS_SETTINGS;
    const open = 0.4;
    const nearly = open * (s.closedRatio + 0.05);
    const closed = open * (s.closedRatio - 0.05);
    expect(evaluateLiveness(challenge('blink'), [f(0, open), f(0, nearly), f(0, open)]).passed).toBe(false);
    expect(evaluateLiveness(challenge('blink'), [f(0, open), f(0, closed), f(0, open)]).passed).toBe(true);
    // Half-reopened is not reopened.
    const half = open * (s.reopenRatio - 0.1);
    expect(evaluateLiveness(challenge('blink'), [f(0, open), f(0, closed), f(0, half)]).passed).toBe(false);
  });

  it('a wink is not a blink: both eyes must close', () => {
    const wink: FrameMeasurement = { yaw: 0, eyes: { left: 0.02, right: OPEN } };
    expect(evaluateLiveness(challenge('blink'), [neutral, wink, neutral]).passed).toBe(false);
  });

  it('fails on no frames and never passes a challenge longer than its evidence', () => {
    expect(evaluateLiveness(challenge('blink'), []).passed).toBe(false);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            yaw: fc.double({ min: -60, max: 60, noNaN: true }),
            ear: fc.double({ min: 0, max: 0.5, noNaN: true }),
          }),
          {
            maxLength: 30,
          },
        ),
        fc.array(fc.constantFrom<LivenessAction>('turn-left', 'turn-right', 'blink'), {
          minLength: 1,
          maxLength: 4,
        }),
        (raw, actions) => {
          const frames = raw.map((r) => f(r.yaw, r.ear));
          const r = evaluateLiveness({ actions }, frames);
          // Each recognised action consumes at least one further frame.
          expect(r.observed.length).toBeLessThanOrEqual(Math.max(0, frames.length - 1));
          expect(r.passed).toBe(r.observed.length === actions.length);
        },
      ),
    );
  });
});

describe('createChallenge', () => {
  it('always asks for a blink and a head turn, two or three actions, no action twice', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (seeds) => {
        let i = 0;
        const c = createChallenge((n) => (seeds[i++ % seeds.length] ?? 0) % n);
        expect(LivenessChallenge.parse(c)).toEqual(c);
        expect(c.actions.length === 2 || c.actions.length === 3).toBe(true);
        expect(c.actions).toContain('blink');
        expect(c.actions.some((a) => a !== 'blink')).toBe(true);
        expect(new Set(c.actions).size).toBe(c.actions.length);
      }),
    );
  });

  it('reaches all ten possible sequences with the default random source', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000 && seen.size < 10; i++) seen.add(createChallenge().actions.join(','));
    expect(seen.size).toBe(10);
  });
});
