import { z } from 'zod';
import { defineRoute } from '../../http/route';
import {
  IssuerKeyList,
  SharedLicenceView,
  ShareTokenParams,
  VerifyAnswer,
  VerifyRequest,
} from '../../../shared/api/licences';
import { ensureIssuerKeys, publishedKeys } from './key-ring';
import { openShare } from './shares';
import { verifyWithRegistry } from './verification';
import { publicOrigin } from './views';

const tags = ['licences'];

const issuersRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/licences/issuers',
  summary: 'Published SM2 public keys of the issuing authorities (for offline verification)',
  tags,
  access: { kind: 'public' },
  response: IssuerKeyList,
  handler: async ({ app, reply }) => {
    await ensureIssuerKeys(app);
    void reply.header('cache-control', 'public, max-age=300');
    return { keys: await publishedKeys(app.db) };
  },
});

const verifyRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/licences/verify',
  summary:
    'Verify a signed licence document or a scanned QR payload: valid / tampered / expired / revoked / unknown issuer, with reasons',
  tags,
  access: { kind: 'public' },
  body: VerifyRequest,
  response: VerifyAnswer,
  rateLimit: { max: 120, timeWindow: 60_000 },
  handler: async ({ app, body }) =>
    verifyWithRegistry(app.db, 'qr' in body ? body.qr : body.licence, app.now()),
});

const sharedRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/licence-shares/:token',
  summary: 'A third party opens a licence share link (用证授权); every opening is logged',
  tags,
  access: { kind: 'public' },
  params: ShareTokenParams,
  response: SharedLicenceView,
  rateLimit: { max: 60, timeWindow: 60_000 },
  handler: async ({ app, params, request, reply }) => {
    void reply.header('cache-control', 'no-store');
    const client = z.string().safeParse(request.headers['user-agent']).data;
    return openShare(app, params.token, client, publicOrigin(app, request));
  },
});

export const publicLicenceRoutes = [issuersRoute, verifyRoute, sharedRoute];
