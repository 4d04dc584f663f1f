import { attachmentIn } from '../../http/download-name';
import { and, eq } from 'drizzle-orm';
import { implement } from '../../http/route';
import { firmsLedgerApi } from '../../../shared/api/contracts/firms-ledger';
import { HttpError } from '../../http/errors';
import { delegations } from '../../db/schema';
import { text } from '../../../shared/text';
import { afterResponse, announce } from '../delegation';
import { requireClientAccess, requireFirmMember } from './access';
import { buildLedger } from './ledger';
import { ledgerWorkbook, xlsxType } from './export';
import { firmDelegationPort } from './firm-requests';
import { batchViewOf, createRenewalBatch, firmRunner } from './firm-batches';

const ledgerRoute = implement(firmsLedgerApi.ledger, async ({ app, params, actor }) =>
  buildLedger(app, params.firmId, actor.personId),
);

const ledgerXlsxRoute = implement(firmsLedgerApi.ledgerXlsx, async ({ app, params, actor, reply, lang }) => {
  const ledger = await buildLedger(app, params.firmId, actor.personId);
  void reply.header('content-type', xlsxType);
  void reply.header(
    'content-disposition',
    attachmentIn(lang, text(`授权台账-${ledger.today}.xlsx`, `delegation-ledger-${ledger.today}.xlsx`)),
  );
  return ledgerWorkbook(ledger, lang);
});

const resendRoute = implement(firmsLedgerApi.resend, async ({ app, db, params, actor }) => {
  const m = await requireFirmMember(db, params.firmId, actor.personId);
  const [row] = await db
    .select()
    .from(delegations)
    .where(and(eq(delegations.id, params.delegationId), eq(delegations.granteeFirmId, m.firmId)));
  if (!row)
    throw new HttpError(404, 'NOT_FOUND', text('未找到该授权申请。', 'Authorization request not found.'));
  await requireClientAccess(db, m, row.companyId);
  const { row: updated, linkPath } = await firmDelegationPort.resend(app, db, row, {
    personId: m.personId,
    firmId: m.firmId,
  });
  await announce(app, updated, 'resent', db);
  return {
    delegationId: updated.id,
    linkPath,
    linkExpiresAt: (updated.linkExpiresAt ?? app.now()).toISOString(),
  };
});

const renewRoute = implement(firmsLedgerApi.renew, async ({ app, db, params, actor, body, reply }) => {
  const m = await requireFirmMember(db, params.firmId, actor.personId);
  const batch = await createRenewalBatch(app, db, m, body);
  afterResponse(reply, async () => firmRunner(app).kick(batch.id));
  return batchViewOf(db, batch);
});

export const ledgerRoutes = [ledgerRoute, ledgerXlsxRoute, resendRoute, renewRoute];
