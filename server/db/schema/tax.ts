import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/text';
import type { TaxPeriod } from '../../../shared/tax/period';
import type { RejectedRow, ExcludedRow } from '../../../shared/tax/invoices';
import type {
  ReturnComputation,
  ReturnFacts,
  ReturnForm,
  ReturnInput,
  ReturnSignature,
  ReturnStatus,
} from '../../../shared/api/tax';
import { companies } from './companies';
import { persons } from './identity';

/** Numbers of receipts, payment vouchers and certificates (simulated tax bureau). */
export const taxDocumentSeq = pgSequence('tax_document_seq', { startWith: 1 });

/**
 * One version of one return. Version 1 is the original filing; each 更正申报 adds the next
 * version and keeps the earlier ones (they are marked superseded, never changed otherwise).
 * At most one row per (company, tax, period, version): a second draft or a racing second
 * submission of the same version hits the unique index.
 */
export const taxReturns = pgTable(
  'tax_returns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    tax: text('tax').$type<'vat' | 'cit-prepay'>().notNull(),
    form: text('form').$type<ReturnForm>().notNull(),
    periodKey: text('period_key').notNull(),
    period: jsonb('period').$type<TaxPeriod>().notNull(),
    version: integer('version').notNull(),
    status: text('status').$type<ReturnStatus>().notNull(),
    zeroFiling: boolean('zero_filing').notNull().default(false),
    input: jsonb('input').$type<ReturnInput>().notNull(),
    facts: jsonb('facts').$type<ReturnFacts>().notNull(),
    /** The platform's own computation (never the client's); null while a draft does not compute. */
    computation: jsonb('computation').$type<ReturnComputation>(),
    salesTotal: numeric('sales_total', { precision: 18, scale: 2 }),
    totalPayable: numeric('total_payable', { precision: 18, scale: 2 }),
    /** totalPayable minus that of the version corrected (negative: overpaid). */
    difference: numeric('difference', { precision: 18, scale: 2 }),
    dueDate: date('due_date').notNull(),
    late: boolean('late').notNull().default(false),
    preparedByPersonId: uuid('prepared_by_person_id')
      .notNull()
      .references(() => persons.id),
    submittedByPersonId: uuid('submitted_by_person_id').references(() => persons.id),
    actingAs: text('acting_as'),
    delegationId: uuid('delegation_id'),
    firmId: uuid('firm_id'),
    signature: jsonb('signature').$type<ReturnSignature>(),
    receiptNumber: text('receipt_number').unique(),
    bureauNote: jsonb('bureau_note').$type<LocalizedText>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('tax_returns_version_idx').on(t.companyId, t.tax, t.periodKey, t.version),
    index('tax_returns_company_idx').on(t.companyId, t.status),
  ],
);

/**
 * Tax due on an accepted return (or the extra due on a correction). Paying is simulated: there
 * is no bank; `pay` records an 电子缴款凭证 number and issues the 税收完税证明.
 */
export const taxPayments = pgTable(
  'tax_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    returnId: uuid('return_id')
      .notNull()
      .unique()
      .references(() => taxReturns.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    status: text('status').$type<'due' | 'paid' | 'cancelled'>().notNull().default('due'),
    dueDate: date('due_date').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidByPersonId: uuid('paid_by_person_id').references(() => persons.id),
    voucherNumber: text('voucher_number').unique(),
    certificateNumber: text('certificate_number').unique(),
    /** The 税收完税证明 issued through the licences module, when it was. */
    certificateLicenceId: uuid('certificate_licence_id'),
    certificateIdentifier: text('certificate_identifier'),
    /** The certificate's fields as issued (kept even when the licence registry holds them too). */
    certificateFields: jsonb('certificate_fields').$type<Record<string, string | string[]>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tax_payments_company_idx').on(t.companyId, t.status)],
);

/** One upload of a 数电票 全量发票查询 export, with its per-row report. */
export const invoiceImports = pgTable(
  'invoice_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    fileName: text('file_name').notNull(),
    format: text('format').$type<'xlsx' | 'csv'>().notNull(),
    sha256: text('sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    importedCount: integer('imported_count').notNull(),
    alreadyOnFile: integer('already_on_file').notNull(),
    removedCount: integer('removed_count').notNull(),
    rejected: jsonb('rejected').$type<RejectedRow[]>().notNull(),
    excluded: jsonb('excluded').$type<ExcludedRow[]>().notNull(),
    periods: jsonb('periods').$type<string[]>().notNull(),
    importedByPersonId: uuid('imported_by_person_id')
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invoice_imports_company_idx').on(t.companyId, t.createdAt)],
);

/** An invoice line on file for a company; the same line from a later export is not stored twice. */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    importId: uuid('import_id')
      .notNull()
      .references(() => invoiceImports.id),
    /** 数电发票号码 + line content + occurrence: stable across overlapping exports. */
    lineKey: text('line_key').notNull(),
    sourceRow: integer('source_row').notNull(),
    invoiceNumber: text('invoice_number').notNull(),
    issueDate: date('issue_date').notNull(),
    direction: text('direction').$type<'issued' | 'received'>().notNull(),
    kind: text('kind').$type<'special' | 'ordinary'>().notNull(),
    red: boolean('red').notNull(),
    rate: text('rate').notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    tax: numeric('tax', { precision: 18, scale: 2 }).notNull(),
    total: numeric('total', { precision: 18, scale: 2 }).notNull(),
    sellerId: text('seller_id').notNull(),
    sellerName: text('seller_name').notNull(),
    buyerId: text('buyer_id').notNull(),
    buyerName: text('buyer_name').notNull(),
    itemName: text('item_name').notNull(),
    taxCategoryCode: text('tax_category_code').notNull(),
    specialBusiness: text('special_business').notNull(),
    invoiceType: text('invoice_type').notNull(),
    status: text('status').notNull(),
  },
  (t) => [
    uniqueIndex('invoice_lines_key_idx').on(t.companyId, t.lineKey),
    index('invoice_lines_date_idx').on(t.companyId, t.issueDate),
    index('invoice_lines_number_idx').on(t.companyId, t.invoiceNumber),
  ],
);
