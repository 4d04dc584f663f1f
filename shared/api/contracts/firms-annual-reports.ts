import { defineContract } from '../contract';
import { FirmParams, BatchView } from '../firms';
import {
  AnnualReportBatchBody,
  AnnualReportReview,
  AnnualReportReviewBody,
} from '../../firms/annual-report-batch';

/** Batch annual reports for firm clients: implemented in server/modules/firms/routes-annual-reports.ts. */
export const firmsAnnualReportsApi = {
  review: defineContract({
    method: 'POST',
    path: '/api/v1/firms/:firmId/batches/annual-report/review',
    summary:
      'Per client: whether its annual report can be filed, what the platform prefilled, what is missing',
    tags: ['firms', 'batches', 'annual-reports'],
    access: { kind: 'user' },
    params: FirmParams,
    body: AnnualReportReviewBody,
    response: AnnualReportReview,
    bodyLimit: 2 * 1024 * 1024,
  }),
  start: defineContract({
    method: 'POST',
    path: '/api/v1/firms/:firmId/batches/annual-report',
    summary:
      'File the reviewed clients’ annual reports as a batch; progress arrives as batch.progress events',
    tags: ['firms', 'batches', 'annual-reports'],
    access: { kind: 'user' },
    params: FirmParams,
    body: AnnualReportBatchBody,
    response: BatchView,
    status: 201,
    idempotent: true,
    bodyLimit: 8 * 1024 * 1024,
  }),
};
