import { z } from 'zod';
import { implement } from '../../http/route';
import { licencesPublicApi } from '../../../shared/api/contracts/licences-public';
import { ensureIssuerKeys, publishedKeys } from './key-ring';
import { openShare } from './shares';
import { verifyWithRegistry } from './verification';
import { publicOrigin } from './views';

const issuersRoute = implement(licencesPublicApi.issuers, async ({ app, reply }) => {
  await ensureIssuerKeys(app);
  void reply.header('cache-control', 'public, max-age=300');
  return { keys: await publishedKeys(app.db) };
});

const verifyRoute = implement(licencesPublicApi.verify, async ({ app, body }) =>
  verifyWithRegistry(app.db, 'qr' in body ? body.qr : body.licence, app.now()),
);

const sharedRoute = implement(licencesPublicApi.shared, async ({ app, params, request, reply }) => {
  void reply.header('cache-control', 'no-store');
  const client = z.string().safeParse(request.headers['user-agent']).data;
  return openShare(app, params.token, client, publicOrigin(app, request));
});

export const publicLicenceRoutes = [issuersRoute, verifyRoute, sharedRoute];
