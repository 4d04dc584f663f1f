import { implement } from '../../http/route';
import { sealsApi } from '../../../shared/api/contracts/seals';
import { claimSeals } from './claim';
import { issueSealChallenge, runSealFaceCheck } from './face';
import { grantSeal, revokeSealGrant } from './grants';
import { sealsOverview } from './overview';
import { signWithSeal } from './sign';
import { verifySealedPdf } from './verify';

const ua = (h: string | string[] | undefined): string | undefined => (typeof h === 'string' ? h : undefined);

const overviewRoute = implement(sealsApi.overview, ({ app, authority }) => sealsOverview(app, authority));

const challengeRoute = implement(sealsApi.faceChallenge, ({ app, authority, request }) =>
  issueSealChallenge(app, authority.personId, ua(request.headers['user-agent'])),
);

const faceRoute = implement(sealsApi.face, ({ app, authority, body, request }) =>
  runSealFaceCheck(app, authority.personId, body, ua(request.headers['user-agent'])),
);

const claimRoute = implement(sealsApi.claim, async ({ app, authority, body }) => {
  await claimSeals(app, authority, body);
  return sealsOverview(app, authority);
});

const grantRoute = implement(sealsApi.grant, ({ app, authority, params, body }) =>
  grantSeal(app, authority, params.sealId, body),
);

const revokeRoute = implement(sealsApi.revokeGrant, ({ app, authority, params, body }) =>
  revokeSealGrant(app, authority, params.sealId, params.grantId, body.pin),
);

const signRoute = implement(sealsApi.sign, ({ app, authority, params, body }) =>
  signWithSeal(app, authority, params.sealId, body),
);

const verifyRoute = implement(sealsApi.verify, ({ app, body, reply }) => {
  void reply.header('cache-control', 'no-store');
  return verifySealedPdf(app, body.contentBase64);
});

export const sealRoutes = [
  overviewRoute,
  challengeRoute,
  faceRoute,
  claimRoute,
  grantRoute,
  revokeRoute,
  signRoute,
  verifyRoute,
];
