import { defineRoute } from '../../http/route';
import { CompanyParams } from '../../../shared/api/companies';
import {
  INVOICE_FILE_MAX_BYTES,
  InvoiceImportBody,
  InvoiceImportList,
  InvoiceImportReport,
  InvoiceLinesPage,
  InvoiceLinesQuery,
} from '../../../shared/api/tax';
import { importInvoices, linesPage, listImports } from './invoices';
import { periodFromKey } from './prefill';

const tags = ['tax', 'invoices'];

/**
 * Importing invoices needs `invoice.manage` — the scope the catalogue describes as "导入和查看企业的
 * 数电发票". Reviewing a period's lines while filing needs `tax.file`, so a filer without
 * invoice.manage can still check, line by line, the totals that pre-fill the return.
 */
const importRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/invoices/imports',
  summary: 'Import a 数电票 全量发票查询 export (xlsx or csv, base64): per-row report of rejected rows',
  tags,
  access: { kind: 'company', scope: 'invoice.manage' },
  params: CompanyParams,
  body: InvoiceImportBody,
  response: InvoiceImportReport,
  status: 201,
  idempotent: true,
  // base64 is 4/3 of the file, plus the JSON around it.
  bodyLimit: Math.ceil((INVOICE_FILE_MAX_BYTES * 4) / 3) + 64 * 1024,
  handler: async ({ app, db, body, authority }) => importInvoices(db, app, authority, body),
});

const importsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/invoices/imports',
  summary: 'Recent invoice imports with their reports',
  tags,
  access: { kind: 'company', scope: 'invoice.manage' },
  params: CompanyParams,
  response: InvoiceImportList,
  handler: async ({ app, params }) => ({ imports: await listImports(app.db, params.companyId) }),
});

const linesRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/tax/invoice-lines',
  summary: "A page of the period's invoice lines on file, for review before filing",
  tags,
  access: { kind: 'company', scope: 'tax.file' },
  params: CompanyParams,
  query: InvoiceLinesQuery,
  response: InvoiceLinesPage,
  handler: async ({ app, params, query }) =>
    linesPage(app.db, params.companyId, periodFromKey(query.periodKey), query.offset, query.limit),
});

export const taxInvoiceRoutes = [importRoute, importsRoute, linesRoute];
