// What other modules (and the fixtures) may use of tax: filing a zero return, a return's detail
// and receipt, and the invoice export format.
export { INVOICE_EXPORT_HEADERS, type InvoiceHeader } from './invoice-import-columns';
export { SUMMARY_SHEET } from './invoice-import-table';
export { receiptPdf } from './receipt-pdf';
export { loadReturnDetail } from './views';
export { fileZeroReturn } from './zero-filing';
export { taxClearanceFacts, type TaxClearanceFacts } from './clearance';
export { importInvoices, importInvoiceTable } from './invoices';
export { invoiceRowParties, readInvoiceTable } from './invoice-import';
export type { Table as InvoiceTable } from './invoice-import-table';
export { fileFromInvoices, prepareFromInvoices, type PreparedReturn } from './from-invoices';
export { dueFactsForCompanies, type DueCompany, type DueFact } from './due-many';
