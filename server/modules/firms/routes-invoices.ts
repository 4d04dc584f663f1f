import { implement } from '../../http/route';
import { firmsInvoicesApi } from '../../../shared/api/contracts/firms-invoices';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { INVOICE_BUNDLE_MAX_BYTES } from '../../../shared/firms/invoice-batch';
import { afterResponse } from '../delegation';
import { requireFirmMember } from './access';
import { importInvoiceBundle } from './invoice-bundle';
import { reviewInvoiceFiling } from './invoice-review';
import { batchViewOf, createInvoiceFilingBatch, firmRunner } from './firm-batches';

const decode = (b64: string): Buffer => {
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
    throw new DomainError(
      'FILE_NOT_BASE64',
      text(
        '文件内容编码错误，请重新选择文件。',
        'The file content is not valid base64; choose the file again.',
      ),
      { field: 'contentBase64' },
    );
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0)
    throw new DomainError('FILE_EMPTY', text('文件是空的。', 'The file is empty.'), {
      field: 'contentBase64',
    });
  if (bytes.length > INVOICE_BUNDLE_MAX_BYTES)
    throw new DomainError('FILE_TOO_LARGE', text('文件超过 40 MB。', 'The file is larger than 40 MB.'), {
      field: 'contentBase64',
    });
  return bytes;
};

const importRoute = implement(firmsInvoicesApi.importBundle, async ({ app, db, params, actor, body }) =>
  importInvoiceBundle(app, db, await requireFirmMember(db, params.firmId, actor.personId), {
    fileName: body.fileName,
    bytes: decode(body.contentBase64),
  }),
);

const reviewRoute = implement(firmsInvoicesApi.review, async ({ app, params, actor, body }) =>
  reviewInvoiceFiling(app.db, await requireFirmMember(app.db, params.firmId, actor.personId), {
    ...body,
    now: app.now(),
  }),
);

const fileRoute = implement(firmsInvoicesApi.file, async ({ app, db, params, actor, body, reply }) => {
  const batch = await createInvoiceFilingBatch(
    app,
    db,
    await requireFirmMember(db, params.firmId, actor.personId),
    body,
    actor.sessionId,
  );
  afterResponse(reply, async () => firmRunner(app).kick(batch.id));
  return batchViewOf(db, batch);
});

export const invoiceBatchRoutes = [importRoute, reviewRoute, fileRoute];
