import { describe, expect, it } from 'vitest';
import { afterWrongPin, faceWithin, isLocked, reverifyWindowMinutes, SEAL_LOCK_MINUTES } from './rules';

const now = new Date('2026-03-01T02:00:00Z');

describe('seal PIN and re-verification rules', () => {
  it('locks for 30 minutes on the fifth wrong PIN in a row', () => {
    let s = { failures: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i += 1) s = afterWrongPin(s, now);
    expect(s).toEqual({ failures: 4, lockedUntil: null });
    s = afterWrongPin(s, now);
    expect(s.lockedUntil?.getTime()).toBe(now.getTime() + SEAL_LOCK_MINUTES * 60_000);
    expect(isLocked(s, now)).toBe(true);
    expect(isLocked(s, new Date(now.getTime() + SEAL_LOCK_MINUTES * 60_000))).toBe(false);
  });

  it('accepts a window of 0.5–24 hours only', () => {
    expect(reverifyWindowMinutes(0)).toBe(0);
    expect(reverifyWindowMinutes(10)).toBe(0);
    expect(reverifyWindowMinutes(30)).toBe(30);
    expect(reverifyWindowMinutes(24 * 60 + 1)).toBe(0);
    expect(faceWithin(new Date(now.getTime() - 29 * 60_000), 30, now)).toBe(true);
    expect(faceWithin(new Date(now.getTime() - 31 * 60_000), 30, now)).toBe(false);
    expect(faceWithin(new Date(now.getTime() - 60_000), 0, now)).toBe(false);
  });
});
