/**
 * The seal rules of lifecycle.md §5 as data: wrong PINs lock a seal for that user, a fresh face
 * check counts for a few minutes and for one action, and a PIN counts only with a live face
 * check inside the person's re-verification window (identity.md: 0.5–24 h, default none).
 */
export const SEAL_PIN_MAX_TRIES = 5;
export const SEAL_LOCK_MINUTES = 30;
export const FRESH_FACE_MINUTES = 5;
export const REVERIFY_MIN_MINUTES = 30;
export const REVERIFY_MAX_MINUTES = 24 * 60;

export type PinState = { failures: number; lockedUntil: Date | null };

/** After a wrong PIN: one more failure, and a lock once the tries are used up. */
export const afterWrongPin = (s: PinState, now: Date): PinState => {
  const failures = s.failures + 1;
  return failures >= SEAL_PIN_MAX_TRIES
    ? { failures: 0, lockedUntil: new Date(now.getTime() + SEAL_LOCK_MINUTES * 60_000) }
    : { failures, lockedUntil: null };
};

export const isLocked = (s: PinState | undefined, now: Date): boolean =>
  !!s?.lockedUntil && s.lockedUntil.getTime() > now.getTime();

/** A window outside 0.5–24 hours is treated as none (every signing needs a fresh face check). */
export const reverifyWindowMinutes = (configured: number): number =>
  configured >= REVERIFY_MIN_MINUTES && configured <= REVERIFY_MAX_MINUTES ? configured : 0;

export const faceWithin = (checkedAt: Date | undefined, minutes: number, now: Date): boolean =>
  !!checkedAt && minutes > 0 && now.getTime() - checkedAt.getTime() <= minutes * 60_000 && checkedAt <= now;
