import { defineRoute } from '../../http/route';
import {
  ConfirmationParams,
  ConfirmationRequestView,
  ConfirmLinkParams,
} from '../../../shared/api/registration';
import { FaceChallengeView, FaceSubmission } from '../../../shared/api/face';
import { confirmationForPerson, confirmationForToken, confirmationView } from './confirm';
import { confirmWithFace, issueConfirmationChallenge } from './confirm-face';
import { announceUpdate } from './publish';

const BASE = '/api/v1/registration';
const tags = ['registration'];
/** A face submission carries up to 40 JPEG frames. */
const FRAMES_LIMIT = 16 * 1_048_576;

const challengeMine = defineRoute({
  method: 'POST',
  url: `${BASE}/confirmations/:confirmationId/face-challenge`,
  summary:
    'The legal representative, signed in: a fresh single-use liveness challenge (expires in 2 minutes)',
  tags,
  access: { kind: 'user' },
  params: ConfirmationParams,
  response: FaceChallengeView,
  rateLimit: { max: 30, timeWindow: 60_000 },
  handler: async ({ app, params, actor, request }) =>
    issueConfirmationChallenge(
      app,
      await confirmationForPerson(app, params.confirmationId, actor.personId),
      request.headers['user-agent'],
    ),
});

const confirmMine = defineRoute({
  method: 'POST',
  url: `${BASE}/confirmations/:confirmationId/face`,
  summary: 'The legal representative, signed in, confirms with the frames captured during the challenge',
  tags,
  access: { kind: 'user' },
  params: ConfirmationParams,
  body: FaceSubmission,
  response: ConfirmationRequestView,
  bodyLimit: FRAMES_LIMIT,
  rateLimit: { max: 20, timeWindow: 60_000 },
  handler: async ({ app, params, body, actor, request }) => {
    const c = await confirmationForPerson(app, params.confirmationId, actor.personId);
    const row = await confirmWithFace(app, c, body, request.headers['user-agent']);
    await announceUpdate(app, [row.filerPersonId], { applicationId: row.id });
    return confirmationView(app, c);
  },
});

const challengeLink = defineRoute({
  method: 'POST',
  url: `${BASE}/confirm-links/:token/face-challenge`,
  summary: 'The legal representative on a phone, through the link: a fresh single-use liveness challenge',
  tags,
  access: { kind: 'public' },
  params: ConfirmLinkParams,
  response: FaceChallengeView,
  rateLimit: { max: 30, timeWindow: 60_000 },
  handler: async ({ app, params, request }) =>
    issueConfirmationChallenge(
      app,
      await confirmationForToken(app, params.token),
      request.headers['user-agent'],
    ),
});

const confirmLink = defineRoute({
  method: 'POST',
  url: `${BASE}/confirm-links/:token/face`,
  summary:
    'The legal representative on a phone confirms by face; the face, not the link, proves who it is (5 failures lock the request)',
  tags,
  access: { kind: 'public' },
  params: ConfirmLinkParams,
  body: FaceSubmission,
  response: ConfirmationRequestView,
  bodyLimit: FRAMES_LIMIT,
  rateLimit: { max: 20, timeWindow: 60_000 },
  handler: async ({ app, params, body, request }) => {
    const c = await confirmationForToken(app, params.token);
    const row = await confirmWithFace(app, c, body, request.headers['user-agent']);
    await announceUpdate(app, [row.filerPersonId], { applicationId: row.id });
    return confirmationView(app, c);
  },
});

export const confirmFaceRoutes = [challengeMine, confirmMine, challengeLink, confirmLink];
