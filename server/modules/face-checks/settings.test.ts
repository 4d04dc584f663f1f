import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../context';
import { faceCheckSettings, loadFaceCheckSettings, overrideFaceCheckSettings } from './settings';

afterEach(() => vi.restoreAllMocks());

describe('face-check settings', () => {
  it('defaults to random two-minute challenges, silently', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(loadFaceCheckSettings({})).toEqual({ challengeSeconds: 120, fixedChallenge: undefined });
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads the challenge length and the test-only fixed order, warning about the latter', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(
      loadFaceCheckSettings({
        SHANGTONG_FACE_CHALLENGE_SECONDS: '300',
        SHANGTONG_FACE_FIXED_CHALLENGE: 'blink, turn-right,turn-left',
      }),
    ).toEqual({ challengeSeconds: 300, fixedChallenge: ['blink', 'turn-right', 'turn-left'] });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('SHANGTONG_FACE_FIXED_CHALLENGE is set'));
  });

  it('refuses an unknown action or a length out of range', () => {
    expect(() => loadFaceCheckSettings({ SHANGTONG_FACE_FIXED_CHALLENGE: 'blink,nod' })).toThrow();
    expect(() => loadFaceCheckSettings({ SHANGTONG_FACE_CHALLENGE_SECONDS: '10' })).toThrow();
  });

  it('keeps one set per context, which a test may override', () => {
    const a = { services: {} } as AppContext;
    const b = { services: {} } as AppContext;
    expect(faceCheckSettings(a)).toBe(faceCheckSettings(a));
    overrideFaceCheckSettings(a, { challengeSeconds: 30 });
    expect(faceCheckSettings(a).challengeSeconds).toBe(30);
    expect(faceCheckSettings(b).challengeSeconds).not.toBe(30);
  });
});
