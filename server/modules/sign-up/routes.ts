import { implement } from '../../http/route';
import { notFound } from '../../http/errors';
import { signUpApi } from '../../../shared/api/contracts/sign-up';
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

const startRoute = implement(signUpApi.start, async ({ app, body }) => startSignUp(app, body));

const resendRoute = implement(signUpApi.resend, async ({ app, params }) =>
  resendSignUpCode(app, params.signUpId),
);

const phoneRoute = implement(signUpApi.phone, async ({ app, params, body }) => {
  await verifySignUpPhone(app, params.signUpId, body);
  return { phoneVerified: true as const };
});

const challengeRoute = implement(signUpApi.faceChallenge, async ({ app, params, request }) =>
  issueSignUpChallenge(app, params.signUpId, request.headers['user-agent']),
);

const completeRoute = implement(signUpApi.complete, async ({ app, params, body, lang, request }) => {
  const { token, expiresAt, accountId } = await completeSignUp(app, params.signUpId, body, {
    userAgent: request.headers['user-agent'],
    lang,
  });
  return { token, expiresAt: expiresAt.toISOString(), me: await loadMe(app, accountId) };
});

/** Development and demo only: the SMS that would have gone out. Not found where real SMS are sent. */
const devOutboxRoute = implement(signUpApi.devSmsOutbox, async ({ app, query }) => {
  const outbox = devOutboxOf(app);
  if (!outbox) throw notFound(text('开发短信发件箱', 'The development SMS outbox'));
  return { messages: outbox.list(query.phone) };
});

export const signUpRoutes = [
  startRoute,
  resendRoute,
  phoneRoute,
  challengeRoute,
  completeRoute,
  devOutboxRoute,
];
