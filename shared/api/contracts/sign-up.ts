import { defineContract } from '../contract';
import { SignInResponse } from '../identity';
import { FaceChallengeView } from '../face';
import {
  DevSmsOutbox,
  DevSmsOutboxQuery,
  SignUpCompleteRequest,
  SignUpParams,
  SignUpPhoneRequest,
  SignUpPhoneVerified,
  SignUpStarted,
  SignUpStartRequest,
} from '../sign-up';

/** Verified sign-up (实名注册) and the development SMS outbox; implemented in server/modules/sign-up/routes.ts. */
export const signUpApi = {
  start: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-ups',
    summary: 'Verified sign-up, step 1: name + resident ID against the identity authority; sends an SMS code',
    tags: ['identity'],
    access: { kind: 'public' },
    body: SignUpStartRequest,
    response: SignUpStarted,
    status: 201,
    rateLimit: { max: 10, timeWindow: 60_000 },
  }),
  resend: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-ups/:signUpId/sms',
    summary: 'Verified sign-up: send a new SMS code (after 60 s, at most 10 a day per phone)',
    tags: ['identity'],
    access: { kind: 'public' },
    params: SignUpParams,
    response: SignUpStarted,
    rateLimit: { max: 5, timeWindow: 60_000 },
  }),
  phone: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-ups/:signUpId/phone',
    summary: 'Verified sign-up, step 2: the SMS code proves the phone',
    tags: ['identity'],
    access: { kind: 'public' },
    params: SignUpParams,
    body: SignUpPhoneRequest,
    response: SignUpPhoneVerified,
    rateLimit: { max: 10, timeWindow: 60_000 },
  }),
  faceChallenge: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-ups/:signUpId/face-challenge',
    summary:
      'Verified sign-up, step 3a: a liveness challenge for the face check against the authority portrait',
    tags: ['identity'],
    access: { kind: 'public' },
    params: SignUpParams,
    response: FaceChallengeView,
    rateLimit: { max: 10, timeWindow: 60_000 },
  }),
  complete: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-ups/:signUpId/complete',
    summary: 'Verified sign-up, step 3b: live face against the authority portrait; creates the account',
    tags: ['identity'],
    access: { kind: 'public' },
    params: SignUpParams,
    body: SignUpCompleteRequest,
    response: SignInResponse,
    status: 201,
    bodyLimit: 16 * 1_048_576,
    rateLimit: { max: 10, timeWindow: 60_000 },
  }),
  devSmsOutbox: defineContract({
    method: 'GET',
    path: '/api/v1/dev/sms-outbox',
    summary: 'Development SMS outbox (demo/dev only; 404 in production)',
    tags: ['identity'],
    access: { kind: 'public' },
    query: DevSmsOutboxQuery,
    response: DevSmsOutbox,
  }),
};
