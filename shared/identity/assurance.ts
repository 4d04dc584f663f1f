/**
 * Levels of assurance (after Guangdong's levels, ../shared/docs/domain/identity.md): how sure the
 * platform is that the person at this session is who the account says. Pure rules, no I/O: the
 * server's `requireLevel` (server/modules/identity/assurance.ts) reads the session and asks these.
 */

/** What an action needs: a password session (L3 identity behind it), or a live face (L4; L5 counts). */
export type AssuranceLevel = 'password' | 'face';

/** The one table of actions that need more than a signed-in session. Anything else needs `password`. */
export const LEVEL_OF_ACTION = {
  read: 'password',
  'delegation.approve': 'face',
  'registration.confirm-as-legal-rep': 'face',
  'company.change-legal-rep': 'face',
  'seal.sign': 'face',
} as const satisfies Record<string, AssuranceLevel>;
export type AssuredAction = keyof typeof LEVEL_OF_ACTION;

/** Re-verification window (身份认证频次) bounds in minutes: 0.5–24 hours; null means none. */
export const REVERIFY_WINDOW_MIN = 30;
export const REVERIFY_WINDOW_MAX = 24 * 60;

/**
 * Without a window, a face check answers for exactly one action (or one batch of approvals) and
 * only if that action follows within this many seconds — the time to answer a challenge and tap.
 */
export const FRESH_FACE_SECONDS = 300;

/** What the session and account know about how the person was verified. */
export type AssuranceState = {
  /** The session was opened with a password ('password') or password + SMS code ('sms'). */
  session: 'password' | 'sms';
  faceVerifiedAt: Date | null;
  /** When an action used the last face check (single use without a window). */
  faceUsedAt: Date | null;
  reverifyWindowMinutes: number | null;
  /** L5: a reviewer saw the ID card in person. */
  counterVerified: boolean;
};

export type AssuranceVerdict =
  | { ok: true; via: 'session' | 'fresh-face' | 'reverify-window' | 'counter'; faceVerifiedAt?: Date }
  | { ok: false; missing: 'face' };

/** Whether the state satisfies the level at `now`, and how (for the audit row). */
export const judgeAssurance = (state: AssuranceState, level: AssuranceLevel, now: Date): AssuranceVerdict => {
  if (level === 'password') return { ok: true, via: 'session' };
  const at = state.faceVerifiedAt;
  if (at && at <= now) {
    const ageMs = now.getTime() - at.getTime();
    const window = state.reverifyWindowMinutes;
    if (window !== null && window > 0 && ageMs <= window * 60_000)
      return { ok: true, via: 'reverify-window', faceVerifiedAt: at };
    const unused = state.faceUsedAt === null || state.faceUsedAt < at;
    if (unused && ageMs <= FRESH_FACE_SECONDS * 1000)
      return { ok: true, via: 'fresh-face', faceVerifiedAt: at };
  }
  // The 2025 measures: face must not be the only way. A person seen at a counter (L5) may do what
  // L4 allows without a face.
  if (state.counterVerified) return { ok: true, via: 'counter' };
  return { ok: false, missing: 'face' };
};
