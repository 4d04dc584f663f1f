import { defineContract } from '../contract';
import { ConfirmationParams, ConfirmationRequestView, ConfirmLinkParams } from '../registration';
import { FaceChallengeView, FaceSubmission } from '../face';

const FRAMES_LIMIT = 16 * 1_048_576;

/** The registration (confirm-face) endpoints: one declaration each, implemented in server/modules/registration/routes-confirm-face.ts. */
export const registrationConfirmFaceApi = {
  challengeMine: defineContract({
    method: 'POST',
    path: '/api/v1/registration/confirmations/:confirmationId/face-challenge',
    summary:
      'The legal representative, signed in: a fresh single-use liveness challenge (expires in 2 minutes)',
    tags: ['registration'],
    access: { kind: 'user' },
    params: ConfirmationParams,
    response: FaceChallengeView,
    rateLimit: { max: 30, timeWindow: 60_000 },
  }),
  confirmMine: defineContract({
    method: 'POST',
    path: '/api/v1/registration/confirmations/:confirmationId/face',
    summary: 'The legal representative, signed in, confirms with the frames captured during the challenge',
    tags: ['registration'],
    access: { kind: 'user' },
    params: ConfirmationParams,
    body: FaceSubmission,
    response: ConfirmationRequestView,
    bodyLimit: FRAMES_LIMIT,
    rateLimit: { max: 20, timeWindow: 60_000 },
  }),
  challengeLink: defineContract({
    method: 'POST',
    path: '/api/v1/registration/confirm-links/:token/face-challenge',
    summary: 'The legal representative on a phone, through the link: a fresh single-use liveness challenge',
    tags: ['registration'],
    access: { kind: 'public' },
    params: ConfirmLinkParams,
    response: FaceChallengeView,
    rateLimit: { max: 30, timeWindow: 60_000 },
  }),
  confirmLink: defineContract({
    method: 'POST',
    path: '/api/v1/registration/confirm-links/:token/face',
    summary:
      'The legal representative on a phone confirms by face; the face, not the link, proves who it is (5 failures lock the request)',
    tags: ['registration'],
    access: { kind: 'public' },
    params: ConfirmLinkParams,
    body: FaceSubmission,
    response: ConfirmationRequestView,
    bodyLimit: FRAMES_LIMIT,
    rateLimit: { max: 20, timeWindow: 60_000 },
  }),
};
