// Helpers for route tests of the verified sign-up (not product code).
import type { TestApp } from './harness';
import { loadRegisterEntry } from '../modules/identity-authority';
import { devOutboxOf } from '../modules/sms';
import { FaceVerifierDouble, fakePerformance } from './face-double';
import type { RegisterStatus } from '../db/schema';

export type Applicant = { name: string; residentId: string; phone: string };

/** Puts a person into the authority, their portrait being the face double's `who`. */
export const inAuthority = (
  t: TestApp,
  p: { name: string; residentId: string },
  who: string | undefined,
  status: RegisterStatus = 'valid',
) =>
  loadRegisterEntry(t.ctx, {
    residentId: p.residentId,
    name: p.name,
    status,
    portrait: who ? new FaceVerifierDouble().templateFor(who) : undefined,
  });

export const post = (t: TestApp, url: string, payload?: unknown) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { 'user-agent': 'test-device' },
    ...(payload ? { payload } : {}),
  });

/** The latest code the development outbox holds for `phone`. */
export const latestCode = (t: TestApp, phone: string): string => {
  const msg = devOutboxOf(t.ctx)?.list(phone)[0];
  const code = msg?.text.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no SMS for ${phone}`);
  return code;
};

export const startSignUp = (t: TestApp, a: Applicant) =>
  post(t, '/api/v1/auth/sign-ups', { ...a, faceConsent: true });

/** Runs every step, the camera showing `face`; answers the final response. */
export const signUpAs = async (t: TestApp, a: Applicant, face: string, password = 'Newcomer@2026') => {
  const started = await startSignUp(t, a);
  if (started.statusCode !== 201) return started;
  const id = started.json().signUpId as string;
  const phone = await post(t, `/api/v1/auth/sign-ups/${id}/phone`, {
    phone: a.phone,
    code: latestCode(t, a.phone),
  });
  if (phone.statusCode !== 200) return phone;
  const c = await post(t, `/api/v1/auth/sign-ups/${id}/face-challenge`);
  if (c.statusCode !== 200) return c;
  const { challengeId, actions } = c.json();
  return post(t, `/api/v1/auth/sign-ups/${id}/complete`, {
    challengeId,
    frames: fakePerformance(face, actions),
    password,
  });
};
