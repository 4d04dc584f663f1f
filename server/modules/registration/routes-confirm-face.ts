import { implement } from '../../http/route';
import { registrationConfirmFaceApi } from '../../../shared/api/contracts/registration-confirm-face';
import { confirmationForPerson, confirmationForToken, confirmationView } from './confirm';
import { confirmWithFace, issueConfirmationChallenge } from './confirm-face';
import { announceUpdate } from './publish';

const challengeMine = implement(
  registrationConfirmFaceApi.challengeMine,
  async ({ app, params, actor, request }) =>
    issueConfirmationChallenge(
      app,
      await confirmationForPerson(app, params.confirmationId, actor.personId),
      request.headers['user-agent'],
    ),
);

const confirmMine = implement(
  registrationConfirmFaceApi.confirmMine,
  async ({ app, params, body, actor, request }) => {
    const c = await confirmationForPerson(app, params.confirmationId, actor.personId);
    const row = await confirmWithFace(app, c, body, request.headers['user-agent']);
    await announceUpdate(app, [row.filerPersonId], { applicationId: row.id });
    return confirmationView(app, c);
  },
);

const challengeLink = implement(registrationConfirmFaceApi.challengeLink, async ({ app, params, request }) =>
  issueConfirmationChallenge(
    app,
    await confirmationForToken(app, params.token),
    request.headers['user-agent'],
  ),
);

const confirmLink = implement(
  registrationConfirmFaceApi.confirmLink,
  async ({ app, params, body, request }) => {
    const c = await confirmationForToken(app, params.token);
    const row = await confirmWithFace(app, c, body, request.headers['user-agent']);
    await announceUpdate(app, [row.filerPersonId], { applicationId: row.id });
    return confirmationView(app, c);
  },
);

export const confirmFaceRoutes = [challengeMine, confirmMine, challengeLink, confirmLink];
