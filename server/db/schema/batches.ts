import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/text';
import { persons } from './identity';
import { companies } from './companies';
import { firms } from './firms';

export type BatchStatus = 'running' | 'done' | 'cancelled';
export type BatchItemStatus = 'pending' | 'running' | 'done' | 'skipped' | 'failed' | 'cancelled';

/**
 * A long job over many companies (batch zero filing, receipt export, renewal requests). It lives
 * in the database so that a platform restart resumes it: the runner picks up every batch still
 * `running` and its items not yet finished.
 */
export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    firmId: uuid('firm_id').references(() => firms.id),
    ownerPersonId: uuid('owner_person_id')
      .notNull()
      .references(() => persons.id),
    /** What the kind needs to process an item (period, scopes, …), fixed when the batch is made. */
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<BatchStatus>().notNull().default('running'),
    total: integer('total').notNull(),
    /** A file the batch produced (an export), stored once every item is done. */
    output: jsonb('output').$type<{ fileName: string; contentType: string; base64: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('batches_firm_idx').on(t.firmId, t.createdAt), index('batches_status_idx').on(t.status)],
);

/**
 * One company in a batch. An item is marked done in the same transaction as its effect, so after a
 * crash it is either done with its effect or not done without it — never one without the other.
 */
export const batchItems = pgTable(
  'batch_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    seq: integer('seq').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    status: text('status').$type<BatchItemStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** While `running`: until when the runner that claimed it holds it (another may take it after). */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    result: jsonb('result').$type<Record<string, unknown>>(),
    errorCode: text('error_code'),
    errorMessage: jsonb('error_message').$type<LocalizedText>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The platform instance that finished the item (SHANGTONG_INSTANCE): shows work spread over a cluster. */
    processedBy: text('processed_by'),
  },
  (t) => [
    uniqueIndex('batch_items_company_idx').on(t.batchId, t.companyId),
    index('batch_items_status_idx').on(t.batchId, t.status, t.seq),
  ],
);

/**
 * The effect an item had, keyed by what must happen at most once (kind, company, subject — e.g.
 * zero filing of 2026-Q1). A second batch over the same clients finds the claim and reports the
 * first result instead of doing it again.
 */
export const batchClaims = pgTable(
  'batch_claims',
  {
    kind: text('kind').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    subject: text('subject').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => batchItems.id),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('batch_claims_key_idx').on(t.kind, t.companyId, t.subject)],
);
