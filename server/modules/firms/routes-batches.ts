import { attachmentIn } from '../../http/download-name';
import { documentLang } from '../../http/lang';
import { implement } from '../../http/route';
import { firmsBatchesApi } from '../../../shared/api/contracts/firms-batches';
import { HttpError } from '../../http/errors';
import { writeAudit } from '../../audit/write';
import { text } from '../../../shared/text';
import { afterResponse } from '../delegation';
import { cancelBatch, retryFailed } from '../batches';
import { requireFirmMember, type FirmMembership } from './access';
import { previewZeroFiling } from './zero-eligibility';
import {
  batchDetail,
  batchViewOf,
  createReceiptBatch,
  createZeroFilingBatch,
  firmRunner,
  listBatches,
  loadBatch,
} from './firm-batches';
import { receiptParamsOf, receiptZip } from './receipt-kind';
import type { DbOrTx } from '../../db/types';

const auditBatch = (
  tx: DbOrTx,
  m: FirmMembership,
  batchId: string,
  action: string,
  detail: Record<string, unknown> = {},
) =>
  writeAudit(tx, {
    actorPersonId: m.personId,
    actingAs: 'firm-staff',
    action,
    firmId: m.firmId,
    detail: { batchId, ...detail },
  });

const previewRoute = implement(firmsBatchesApi.preview, async ({ app, params, actor, body }) =>
  previewZeroFiling(app.db, await requireFirmMember(app.db, params.firmId, actor.personId), {
    ...body,
    now: app.now(),
  }),
);

const zeroFilingRoute = implement(
  firmsBatchesApi.zeroFiling,
  async ({ app, db, params, actor, body, reply }) => {
    const batch = await createZeroFilingBatch(
      app,
      db,
      await requireFirmMember(db, params.firmId, actor.personId),
      body,
      actor.sessionId,
    );
    afterResponse(reply, async () => firmRunner(app).kick(batch.id));
    return batchViewOf(db, batch);
  },
);

const receiptRoute = implement(firmsBatchesApi.receipt, async ({ app, db, params, actor, body, reply }) => {
  const batch = await createReceiptBatch(
    app,
    db,
    await requireFirmMember(db, params.firmId, actor.personId),
    body,
  );
  afterResponse(reply, async () => firmRunner(app).kick(batch.id));
  return batchViewOf(db, batch);
});

const listRoute = implement(firmsBatchesApi.list, async ({ app, params, actor }) => ({
  batches: await listBatches(app.db, await requireFirmMember(app.db, params.firmId, actor.personId)),
}));

const detailRoute = implement(firmsBatchesApi.detail, async ({ app, params, actor }) =>
  batchDetail(app.db, await requireFirmMember(app.db, params.firmId, actor.personId), params.batchId),
);

const retryRoute = implement(firmsBatchesApi.retry, async ({ app, db, params, actor, reply }) => {
  const m = await requireFirmMember(db, params.firmId, actor.personId);
  const batch = await loadBatch(db, m, params.batchId);
  if (batch.status === 'cancelled')
    throw new HttpError(
      409,
      'BATCH_CANCELLED',
      text('该批量任务已取消，不能重试。', 'This batch was cancelled and cannot be retried.'),
    );
  const retried = await retryFailed(db, batch.id, app.now());
  if (retried === 0)
    throw new HttpError(
      409,
      'NOTHING_TO_RETRY',
      text('没有失败的项目需要重试。', 'There are no failed items to retry.'),
    );
  await auditBatch(db, m, batch.id, 'batch.retry', { items: retried });
  afterResponse(reply, async () => firmRunner(app).kick(batch.id));
  return batchViewOf(db, await loadBatch(db, m, batch.id));
});

const cancelRoute = implement(firmsBatchesApi.cancel, async ({ app, db, params, actor }) => {
  const m = await requireFirmMember(db, params.firmId, actor.personId);
  const batch = await loadBatch(db, m, params.batchId);
  await cancelBatch(db, batch.id, app.now());
  await auditBatch(db, m, batch.id, 'batch.cancel');
  return { ok: true as const };
});

const downloadRoute = implement(firmsBatchesApi.download, async ({ app, params, actor, reply, request }) => {
  // The firm's own download: its name follows a zh-HK reader (the receipts inside were written when the batch ran).
  const lang = documentLang(request);
  const m = await requireFirmMember(app.db, params.firmId, actor.personId);
  const batch = await loadBatch(app.db, m, params.batchId);
  if (batch.kind !== 'receipt-export' || batch.status !== 'done')
    throw new HttpError(
      409,
      'NO_OUTPUT',
      text('该批量任务还没有可下载的文件。', 'This batch has no file to download yet.'),
    );
  const { periodKey } = receiptParamsOf(batch);
  const zip = await receiptZip(app, batch);
  void reply.header('content-type', 'application/zip');
  void reply.header(
    'content-disposition',
    attachmentIn(lang, text(`申报回执-${periodKey}.zip`, `receipts-${periodKey}.zip`)),
  );
  return zip;
});

export const batchRoutes = [
  previewRoute,
  zeroFilingRoute,
  receiptRoute,
  listRoute,
  detailRoute,
  retryRoute,
  cancelRoute,
  downloadRoute,
];
