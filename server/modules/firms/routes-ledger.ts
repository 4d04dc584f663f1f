import { and, eq } from 'drizzle-orm';
import { defineRoute } from '../../http/route';
import { HttpError } from '../../http/errors';
import { delegations } from '../../db/schema';
import {
  BatchView,
  FirmDelegationParams,
  FirmParams,
  FirmRequestResult,
  Ledger,
  RenewalBatchBody,
} from '../../../shared/api/firms';
import { text } from '../../../shared/text';
import { attachmentIn } from '../../http/download-name';
import { afterResponse } from '../delegation';
import { announce } from '../delegation';
import { requireClientAccess, requireFirmMember } from './access';
import { buildLedger } from './ledger';
import { ledgerWorkbook, xlsxType } from './export';
import { firmDelegationPort } from './firm-requests';
import { batchViewOf, createRenewalBatch, firmRunner } from './firm-batches';

const tags = ['firms'];

const ledgerRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/firms/:firmId/delegations',
  summary: 'The delegation ledger: every authorization of the firm across clients, with countdowns',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  response: Ledger,
  handler: async ({ app, params, actor }) =>
    buildLedger(app, await requireFirmMember(app.db, params.firmId, actor.personId)),
});

const ledgerXlsxRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/firms/:firmId/delegations.xlsx',
  summary: 'The delegation ledger as an Excel workbook',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  produces: xlsxType,
  handler: async ({ app, params, actor, reply, lang }) => {
    const ledger = await buildLedger(app, await requireFirmMember(app.db, params.firmId, actor.personId));
    void reply.header('content-type', xlsxType);
    void reply.header(
      'content-disposition',
      attachmentIn(lang, text(`授权台账-${ledger.today}.xlsx`, `delegation-ledger-${ledger.today}.xlsx`)),
    );
    return ledgerWorkbook(ledger, lang);
  },
});

const resendRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/firms/:firmId/delegations/:delegationId/resend',
  summary: 'Re-send a waiting request: a fresh approval link (the old one stops working)',
  tags,
  access: { kind: 'user' },
  params: FirmDelegationParams,
  response: FirmRequestResult,
  idempotent: true,
  handler: async ({ app, db, params, actor, reply }) => {
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
    afterResponse(reply, () => announce(app, updated, 'resent'));
    return {
      delegationId: updated.id,
      linkPath,
      linkExpiresAt: (updated.linkExpiresAt ?? app.now()).toISOString(),
    };
  },
});

const renewRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/firms/:firmId/delegations/renewals',
  summary:
    'Batch: renewal requests for every authorization ending within N days (each face-verified by its legal representative)',
  tags,
  access: { kind: 'user' },
  params: FirmParams,
  body: RenewalBatchBody,
  response: BatchView,
  status: 201,
  idempotent: true,
  handler: async ({ app, db, params, actor, body, reply }) => {
    const m = await requireFirmMember(db, params.firmId, actor.personId);
    const batch = await createRenewalBatch(app, db, m, body);
    afterResponse(reply, async () => firmRunner(app).kick(batch.id));
    return batchViewOf(db, batch);
  },
});

export const ledgerRoutes = [ledgerRoute, ledgerXlsxRoute, resendRoute, renewRoute];
