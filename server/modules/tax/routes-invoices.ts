import { implement } from '../../http/route';
import { taxInvoicesApi } from '../../../shared/api/contracts/tax-invoices';
import { importInvoices, linesPage, listImports } from './invoices';
import { periodFromKey } from './prefill';

/**
 * Importing invoices needs `invoice.manage` — the scope the catalogue describes as "导入和查看企业的
 * 数电发票". Reviewing a period's lines while filing needs `tax.file`, so a filer without
 * invoice.manage can still check, line by line, the totals that pre-fill the return.
 */
const importRoute = implement(taxInvoicesApi.import, async ({ app, db, body, authority }) =>
  importInvoices(db, app, authority, body),
);

const importsRoute = implement(taxInvoicesApi.imports, async ({ app, params }) => ({
  imports: await listImports(app.db, params.companyId),
}));

const linesRoute = implement(taxInvoicesApi.lines, async ({ app, params, query }) =>
  linesPage(app.db, params.companyId, periodFromKey(query.periodKey), query.offset, query.limit),
);

export const taxInvoiceRoutes = [importRoute, importsRoute, linesRoute];
