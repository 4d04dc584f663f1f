import { defineContract } from '../contract';
import { SignInRequest, SignInResponse, Ok, Me, Preferences } from '../identity';
import { FaceChallengeView, FaceSubmission } from '../face';
import { AssuranceView, FaceConsentDecision, FaceVerified, ReverifyWindow } from '../assurance';

/** The identity endpoints: one declaration each, implemented in server/modules/identity/routes.ts. */
export const identityApi = {
  signIn: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-in',
    summary: 'Sign in with phone or resident ID and password',
    tags: ['identity'],
    access: { kind: 'public' },
    body: SignInRequest,
    response: SignInResponse,
    rateLimit: { max: 30, timeWindow: 60_000, maxSetting: 'signInRatePerMinute' },
  }),
  signOut: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-out',
    summary: 'Sign out this session',
    tags: ['identity'],
    access: { kind: 'user' },
    response: Ok,
  }),
  signOutAll: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-out-all',
    summary: 'Revoke every session of this account (all devices)',
    tags: ['identity'],
    access: { kind: 'user' },
    response: Ok,
  }),
  me: defineContract({
    method: 'GET',
    path: '/api/v1/me',
    summary: 'The signed-in person, their role and preferences',
    tags: ['identity'],
    access: { kind: 'user' },
    response: Me,
  }),
  preferences: defineContract({
    method: 'PUT',
    path: '/api/v1/me/preferences',
    summary: 'Save language and elder mode for this account',
    tags: ['identity'],
    access: { kind: 'user' },
    body: Preferences,
    response: Preferences,
  }),
  assurance: defineContract({
    method: 'GET',
    path: '/api/v1/me/assurance',
    summary:
      'How this session was verified: password or SMS, the last live face check and until when it counts',
    tags: ['identity'],
    access: { kind: 'user' },
    response: AssuranceView,
  }),
  faceConsent: defineContract({
    method: 'PUT',
    path: '/api/v1/me/face-consent',
    summary:
      'Give or refuse the separate consent to face processing (单独同意); refusing leaves the counter path',
    tags: ['identity'],
    access: { kind: 'user' },
    body: FaceConsentDecision,
    response: AssuranceView,
  }),
  reverifyWindow: defineContract({
    method: 'PUT',
    path: '/api/v1/me/reverify-window',
    summary:
      'Set the re-verification window (身份认证频次, 0.5–24 h; null: every approval needs a fresh face)',
    tags: ['identity'],
    access: { kind: 'user' },
    body: ReverifyWindow,
    response: AssuranceView,
  }),
  faceChallenge: defineContract({
    method: 'POST',
    path: '/api/v1/me/face-challenge',
    summary:
      'A liveness challenge to raise this session to a live face check (L4) against the authority portrait',
    tags: ['identity'],
    access: { kind: 'user' },
    response: FaceChallengeView,
    rateLimit: { max: 10, timeWindow: 60_000 },
  }),
  faceCheck: defineContract({
    method: 'POST',
    path: '/api/v1/me/face-check',
    summary:
      'The frames for the challenge; a match lets the next action needing a live face (or all within the window) pass',
    tags: ['identity'],
    access: { kind: 'user' },
    body: FaceSubmission,
    response: FaceVerified,
    bodyLimit: 16 * 1_048_576,
    rateLimit: { max: 10, timeWindow: 60_000 },
  }),
};
