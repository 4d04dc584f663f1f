import { defineContract } from '../contract';
import { CompanyParams } from '../companies';
import {
  InvoiceImportBody,
  InvoiceImportReport,
  INVOICE_FILE_MAX_BYTES,
  InvoiceImportList,
  InvoiceLinesQuery,
  InvoiceLinesPage,
} from '../tax';

/** The tax (invoices) endpoints: one declaration each, implemented in server/modules/tax/routes-invoices.ts. */
export const taxInvoicesApi = {
  import: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/invoices/imports',
    summary: 'Import a 数电票 全量发票查询 export (xlsx or csv, base64): per-row report of rejected rows',
    tags: ['tax', 'invoices'],
    access: { kind: 'company', scope: 'invoice.manage' },
    params: CompanyParams,
    body: InvoiceImportBody,
    response: InvoiceImportReport,
    status: 201,
    idempotent: true,
    bodyLimit: Math.ceil((INVOICE_FILE_MAX_BYTES * 4) / 3) + 64 * 1024,
  }),
  imports: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/invoices/imports',
    summary: 'Recent invoice imports with their reports',
    tags: ['tax', 'invoices'],
    access: { kind: 'company', scope: 'invoice.manage' },
    params: CompanyParams,
    response: InvoiceImportList,
  }),
  lines: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/tax/invoice-lines',
    summary: "A page of the period's invoice lines on file, for review before filing",
    tags: ['tax', 'invoices'],
    access: { kind: 'company', scope: 'tax.file' },
    params: CompanyParams,
    query: InvoiceLinesQuery,
    response: InvoiceLinesPage,
  }),
};
