import { defineRoute } from '../../http/route';
import { notFound } from '../../http/errors';
import { SignInResponse } from '../../../shared/api/identity';
import { FaceChallengeView } from '../../../shared/api/face';
import {
  DevSmsOutbox,
  DevSmsOutboxQuery,
  SignUpCompleteRequest,
  SignUpParams,
  SignUpPhoneRequest,
  SignUpPhoneVerified,
  SignUpStarted,
  SignUpStartRequest,
} from '../../../shared/api/sign-up';
import { text } from '../../../shared/text';
import { loadMe } from '../identity';
import { devOutboxOf } from '../sms';
import {
  completeSignUp,
  issueSignUpChallenge,
  resendSignUpCode,
  startSignUp,
  verifySignUpPhone,
} from './steps';

const startRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/sign-ups',
  summary: 'Verified sign-up, step 1: name + resident ID against the identity authority; sends an SMS code',
  tags: ['identity'],
  access: { kind: 'public' },
  body: SignUpStartRequest,
  response: SignUpStarted,
  status: 201,
  rateLimit: { max: 10, timeWindow: 60_000 },
  handler: async ({ app, body }) => startSignUp(app, body),
});

const resendRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/sign-ups/:signUpId/sms',
  summary: 'Verified sign-up: send a new SMS code (after 60 s, at most 10 a day per phone)',
  tags: ['identity'],
  access: { kind: 'public' },
  params: SignUpParams,
  response: SignUpStarted,
  rateLimit: { max: 5, timeWindow: 60_000 },
  handler: async ({ app, params }) => resendSignUpCode(app, params.signUpId),
});

const phoneRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/sign-ups/:signUpId/phone',
  summary: 'Verified sign-up, step 2: the SMS code proves the phone',
  tags: ['identity'],
  access: { kind: 'public' },
  params: SignUpParams,
  body: SignUpPhoneRequest,
  response: SignUpPhoneVerified,
  rateLimit: { max: 10, timeWindow: 60_000 },
  handler: async ({ app, params, body }) => {
    await verifySignUpPhone(app, params.signUpId, body);
    return { phoneVerified: true as const };
  },
});

const challengeRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/sign-ups/:signUpId/face-challenge',
  summary:
    'Verified sign-up, step 3a: a liveness challenge for the face check against the authority portrait',
  tags: ['identity'],
  access: { kind: 'public' },
  params: SignUpParams,
  response: FaceChallengeView,
  rateLimit: { max: 10, timeWindow: 60_000 },
  handler: async ({ app, params, request }) =>
    issueSignUpChallenge(app, params.signUpId, request.headers['user-agent']),
});

const completeRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/sign-ups/:signUpId/complete',
  summary: 'Verified sign-up, step 3b: live face against the authority portrait; creates the account',
  tags: ['identity'],
  access: { kind: 'public' },
  params: SignUpParams,
  body: SignUpCompleteRequest,
  response: SignInResponse,
  status: 201,
  bodyLimit: 16 * 1_048_576,
  rateLimit: { max: 10, timeWindow: 60_000 },
  handler: async ({ app, params, body, lang, request }) => {
    const { token, expiresAt, accountId } = await completeSignUp(app, params.signUpId, body, {
      userAgent: request.headers['user-agent'],
      lang,
    });
    return { token, expiresAt: expiresAt.toISOString(), me: await loadMe(app, accountId) };
  },
});

/** Development and demo only: the SMS that would have gone out. Not found where real SMS are sent. */
const devOutboxRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/dev/sms-outbox',
  summary: 'Development SMS outbox (demo/dev only; 404 in production)',
  tags: ['identity'],
  access: { kind: 'public' },
  query: DevSmsOutboxQuery,
  response: DevSmsOutbox,
  handler: async ({ app, query }) => {
    const outbox = devOutboxOf(app);
    if (!outbox) throw notFound(text('开发短信发件箱', 'The development SMS outbox'));
    return { messages: outbox.list(query.phone) };
  },
});

export const signUpRoutes = [
  startRoute,
  resendRoute,
  phoneRoute,
  challengeRoute,
  completeRoute,
  devOutboxRoute,
];
