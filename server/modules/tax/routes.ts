import { taxInvoiceRoutes } from './routes-invoices';
import { taxPublicRoutes } from './routes-public';
import { taxReturnRoutes } from './routes-returns';

/** Tax filing: the public engine and calendar, returns and payments, invoice imports. */
export const taxRoutes = [...taxPublicRoutes, ...taxReturnRoutes, ...taxInvoiceRoutes];
