import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { licences } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { encodeQrFragment, qrPayloadOf } from '../../../shared/licences/qr-payload';
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

const byCodeRoute = implement(licencesPublicApi.byCode, async ({ app, params, reply }) => {
  const [row] = await app.db
    .select({ signed: licences.signed })
    .from(licences)
    .where(eq(licences.verifyCode, params.code));
  if (!row)
    throw new DomainError(
      'VERIFY_CODE_UNKNOWN',
      text('没有这个核验码对应的证照。', 'No licence has this verification code.'),
    );
  void reply.header('cache-control', 'no-store');
  return { qr: encodeQrFragment(qrPayloadOf(row.signed)) };
});

const sharedRoute = implement(licencesPublicApi.shared, async ({ app, params, request, reply }) => {
  void reply.header('cache-control', 'no-store');
  const client = z.string().safeParse(request.headers['user-agent']).data;
  return openShare(app, params.token, client, publicOrigin(app, request));
});

export const publicLicenceRoutes = [issuersRoute, verifyRoute, byCodeRoute, sharedRoute];
