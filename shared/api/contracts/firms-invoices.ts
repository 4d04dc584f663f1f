import { defineContract } from '../contract';
import { FirmParams, BatchView } from '../firms';
import {
  InvoiceBundleBody,
  InvoiceBundleReport,
  InvoiceFilingBody,
  InvoiceReview,
  InvoiceReviewBody,
} from '../../firms/invoice-batch';

/** Batch returns from invoices: implemented in server/modules/firms/routes-invoices.ts. */
export const firmsInvoicesApi = {
  importBundle: defineContract({
    method: 'POST',
    path: '/api/v1/firms/:firmId/invoices/bundles',
    summary:
      'Import many clients’ 数电票 exports at once (a zip of one file per client, or one workbook); matched by USCC',
    tags: ['firms', 'batches'],
    access: { kind: 'user' },
    params: FirmParams,
    body: InvoiceBundleBody,
    response: InvoiceBundleReport,
    idempotent: true,
    bodyLimit: 56 * 1024 * 1024,
  }),
  review: defineContract({
    method: 'POST',
    path: '/api/v1/firms/:firmId/batches/invoice-filing/review',
    summary: 'The small-scale VAT + surcharges returns prepared from invoices, with pre-flight findings',
    tags: ['firms', 'batches'],
    access: { kind: 'user' },
    params: FirmParams,
    body: InvoiceReviewBody,
    response: InvoiceReview,
    bodyLimit: 2 * 1024 * 1024,
  }),
  file: defineContract({
    method: 'POST',
    path: '/api/v1/firms/:firmId/batches/invoice-filing',
    summary: 'File the ticked reviewed returns as a batch; progress arrives as batch.progress events',
    tags: ['firms', 'batches'],
    access: { kind: 'user' },
    params: FirmParams,
    body: InvoiceFilingBody,
    response: BatchView,
    status: 201,
    idempotent: true,
    bodyLimit: 2 * 1024 * 1024,
  }),
};
