import { teamRoutes } from './routes-team';
import { clientRoutes } from './routes-clients';
import { ledgerRoutes } from './routes-ledger';
import { batchRoutes } from './routes-batches';
import { invoiceBatchRoutes } from './routes-invoices';
import { annualReportBatchRoutes } from './routes-annual-reports';

/** The firm workspace (issues 7, 15): team and groups, roster, ledger, import/export, batches. */
export const firmRoutes = [
  ...teamRoutes,
  ...clientRoutes,
  ...ledgerRoutes,
  ...batchRoutes,
  ...invoiceBatchRoutes,
  ...annualReportBatchRoutes,
];
