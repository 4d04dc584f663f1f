import { describe, expect, it } from 'vitest';
import { FRESH_FACE_SECONDS, judgeAssurance, LEVEL_OF_ACTION, type AssuranceState } from './assurance';

const now = new Date('2026-03-02T02:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const base: AssuranceState = {
  session: 'password',
  faceVerifiedAt: null,
  faceUsedAt: null,
  reverifyWindowMinutes: null,
  counterVerified: false,
};

describe('levels of assurance', () => {
  it('needs a live face for approvals, legal-representative changes and seals; a password to read', () => {
    expect(LEVEL_OF_ACTION['delegation.approve']).toBe('face');
    expect(LEVEL_OF_ACTION['registration.confirm-as-legal-rep']).toBe('face');
    expect(LEVEL_OF_ACTION['company.change-legal-rep']).toBe('face');
    expect(LEVEL_OF_ACTION['seal.sign']).toBe('face');
    expect(LEVEL_OF_ACTION.read).toBe('password');
    expect(judgeAssurance(base, 'password', now)).toEqual({ ok: true, via: 'session' });
    expect(judgeAssurance(base, 'face', now)).toEqual({ ok: false, missing: 'face' });
  });

  it('without a window, a face check answers for one action only, and only just after it', () => {
    const fresh = { ...base, faceVerifiedAt: ago(1) };
    expect(judgeAssurance(fresh, 'face', now)).toMatchObject({ ok: true, via: 'fresh-face' });
    expect(judgeAssurance({ ...fresh, faceUsedAt: ago(0.5) }, 'face', now).ok).toBe(false);
    expect(
      judgeAssurance({ ...base, faceVerifiedAt: ago(FRESH_FACE_SECONDS / 60 + 1) }, 'face', now).ok,
    ).toBe(false);
  });

  it('within the re-verification window further actions need no new face; after it they do', () => {
    const windowed = { ...base, reverifyWindowMinutes: 60, faceVerifiedAt: ago(59), faceUsedAt: ago(30) };
    expect(judgeAssurance(windowed, 'face', now)).toMatchObject({ ok: true, via: 'reverify-window' });
    expect(judgeAssurance({ ...windowed, faceVerifiedAt: ago(61) }, 'face', now).ok).toBe(false);
  });

  it('a face check in the future (clock skew) never counts; counter verification (L5) does', () => {
    expect(judgeAssurance({ ...base, faceVerifiedAt: ago(-5) }, 'face', now).ok).toBe(false);
    expect(judgeAssurance({ ...base, counterVerified: true }, 'face', now)).toEqual({
      ok: true,
      via: 'counter',
    });
  });
});
