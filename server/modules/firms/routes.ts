import { teamRoutes } from './routes-team';
import { clientRoutes } from './routes-clients';
import { ledgerRoutes } from './routes-ledger';
import { batchRoutes } from './routes-batches';

/** The firm workspace (issue 7): team and groups, roster, ledger, import/export, batches. */
export const firmRoutes = [...teamRoutes, ...clientRoutes, ...ledgerRoutes, ...batchRoutes];
