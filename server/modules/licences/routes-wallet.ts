import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { CompanyParams } from '../../../shared/api/companies';
import { Ok } from '../../../shared/api/identity';
import {
  CompanyLicenceParams,
  ExpiringList,
  LicenceDetail,
  LicenceList,
  ShareCreate,
  ShareList,
  ShareParams,
  ShareView,
} from '../../../shared/api/licences';
import { afterCommit, attachmentHeader } from './after-commit';
import { attachmentIn } from '../../http/download-name';
import { licenceTypeByKey } from '../../../shared/licences/catalogue';
import { text } from '../../../shared/text';
import { licencePdf } from './pdf';
import { createShare, listShares, revokeShare } from './shares';
import { expiringFor, licenceDetail, licenceOfCompany, walletOf } from './wallet';
import { publicOrigin, qrUrlOf } from './views';

const tags = ['licences'];

const listRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/licences',
  summary: 'The company’s e-licence wallet: current licences with validity and expiry state',
  tags,
  access: { kind: 'company', scope: 'company.view' },
  params: CompanyParams,
  response: LicenceList,
  handler: async ({ app, params }) => ({ licences: await walletOf(app.db, params.companyId, app.now()) }),
});

const expiringRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/licences/expiring',
  summary: 'Expiry radar: licences expiring within 90 days (or lapsed) in every company I may view',
  tags,
  access: { kind: 'user' },
  query: z.strictObject({ withinDays: z.coerce.number().int().min(1).max(365).optional() }),
  response: ExpiringList,
  handler: async ({ app, actor, query }) => expiringFor(app, actor.personId, query.withinDays),
});

const detailRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/licences/:licenceId',
  summary:
    'One licence version: signed document, QR link, version history, and the applications that used it',
  tags,
  access: { kind: 'company', scope: 'company.view' },
  params: CompanyLicenceParams,
  response: LicenceDetail,
  handler: async ({ app, params, request }) => {
    const row = await licenceOfCompany(app.db, params.companyId, params.licenceId);
    return licenceDetail(app.db, row, publicOrigin(app, request), app.now());
  },
});

const pdfRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/licences/:licenceId/pdf',
  summary: 'The licence as a PDF (Chinese font embedded, QR code to verify)',
  tags,
  access: { kind: 'company', scope: 'licence.use' },
  params: CompanyLicenceParams,
  produces: 'application/pdf',
  handler: async ({ app, params, request, reply, lang }) => {
    const row = await licenceOfCompany(app.db, params.companyId, params.licenceId);
    const pdf = await licencePdf(row, qrUrlOf(row, publicOrigin(app, request)), app.now());
    const holder = row.signed.document.holder.name;
    const type = licenceTypeByKey(row.typeKey)?.name ?? text(row.typeKey, row.typeKey);
    void reply.header('content-type', 'application/pdf');
    void reply.header(
      'content-disposition',
      attachmentIn(
        lang,
        text(`${holder}-${type.zh}-v${row.version}.pdf`, `${holder}-${type.en}-v${row.version}.pdf`),
      ),
    );
    return pdf;
  },
});

const signedRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/licences/:licenceId/signed',
  summary: 'The signed licence file (canonical JSON + SM2 signature) for verification anywhere',
  tags,
  access: { kind: 'company', scope: 'licence.use' },
  params: CompanyLicenceParams,
  produces: 'application/json',
  handler: async ({ app, params, reply }) => {
    const row = await licenceOfCompany(app.db, params.companyId, params.licenceId);
    void reply.header(
      'content-disposition',
      attachmentHeader(`${row.identifier}.json`, `${row.identifier}.json`),
    );
    return row.signed;
  },
});

const sharesRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/licences/:licenceId/shares',
  summary: 'Share links (用证授权) of a licence with their access logs',
  tags,
  access: { kind: 'company', scope: 'licence.use' },
  params: CompanyLicenceParams,
  response: ShareList,
  handler: async ({ app, params, request }) => {
    const row = await licenceOfCompany(app.db, params.companyId, params.licenceId);
    return { shares: await listShares(app.db, app, row.id, publicOrigin(app, request)) };
  },
});

const shareRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/licences/:licenceId/shares',
  summary: 'Authorize a third party to see a licence through a time-limited, revocable link',
  tags,
  access: { kind: 'company', scope: 'licence.use' },
  params: CompanyLicenceParams,
  body: ShareCreate,
  response: ShareView,
  status: 201,
  idempotent: true,
  handler: async ({ app, db, params, body, authority, request, reply }) => {
    const row = await licenceOfCompany(db, params.companyId, params.licenceId);
    const view = await createShare(db, app, authority, row, body, publicOrigin(app, request));
    afterCommit(reply, () =>
      app.bus.publish(authority.personId, {
        type: 'licence.share.created',
        data: { companyId: params.companyId, licenceId: row.id },
      }),
    );
    return view;
  },
});

const revokeShareRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/licence-shares/:shareId/revoke',
  summary: 'Revoke a licence share link at once',
  tags,
  access: { kind: 'company', scope: 'licence.use' },
  params: ShareParams,
  response: Ok,
  handler: async ({ app, params, authority }) => {
    await app.db.transaction((tx) => revokeShare(tx, app, authority, params.shareId));
    return { ok: true as const };
  },
});

export const walletRoutes = [
  listRoute,
  expiringRoute,
  detailRoute,
  pdfRoute,
  signedRoute,
  sharesRoute,
  shareRoute,
  revokeShareRoute,
];
