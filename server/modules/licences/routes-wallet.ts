import { attachmentIn } from '../../http/download-name';
import { licenceTypeByKey } from '../../../shared/licences/catalogue';
import { text } from '../../../shared/text';
import { implement } from '../../http/route';
import { licencesWalletApi } from '../../../shared/api/contracts/licences-wallet';
import { attachmentHeader } from './after-commit';
import { licencePdf } from './pdf';
import { createShare, listShares, revokeShare } from './shares';
import { expiringFor, licenceDetail, licenceOfCompany, walletOf } from './wallet';
import { publicOrigin, qrUrlOf } from './views';

const listRoute = implement(
  licencesWalletApi.list,
  async ({ app, params, guard }) => ({
    licences: await walletOf(app.db, params.companyId, app.now(), guard),
  }),
  { guarded: true },
);

const expiringRoute = implement(licencesWalletApi.expiring, async ({ app, actor, query }) =>
  expiringFor(app, actor.personId, query.withinDays),
);

const detailRoute = implement(licencesWalletApi.detail, async ({ app, params, request }) => {
  const row = await licenceOfCompany(app.db, params.companyId, params.licenceId);
  return licenceDetail(app.db, row, publicOrigin(app, request), app.now());
});

const pdfRoute = implement(licencesWalletApi.pdf, async ({ app, params, request, reply, lang }) => {
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
});

const signedRoute = implement(licencesWalletApi.signed, async ({ app, params, reply }) => {
  const row = await licenceOfCompany(app.db, params.companyId, params.licenceId);
  void reply.header(
    'content-disposition',
    attachmentHeader(`${row.identifier}.json`, `${row.identifier}.json`),
  );
  return row.signed;
});

const sharesRoute = implement(licencesWalletApi.shares, async ({ app, params, request }) => {
  const row = await licenceOfCompany(app.db, params.companyId, params.licenceId);
  return { shares: await listShares(app.db, app, row.id, publicOrigin(app, request)) };
});

const shareRoute = implement(
  licencesWalletApi.share,
  async ({ app, db, params, body, authority, request }) => {
    const row = await licenceOfCompany(db, params.companyId, params.licenceId);
    const view = await createShare(db, app, authority, row, body, publicOrigin(app, request));
    await app.bus.publish(
      authority.personId,
      {
        type: 'licence.share.created',
        data: { companyId: params.companyId, licenceId: row.id },
      },
      db,
    );
    return view;
  },
);

const revokeShareRoute = implement(licencesWalletApi.revokeShare, async ({ app, params, authority }) => {
  await app.db.transaction((tx) => revokeShare(tx, app, authority, params.shareId));
  return { ok: true as const };
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
