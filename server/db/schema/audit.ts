import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only record of every action taken, written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorPersonId: uuid('actor_person_id'),
    /** The capacity the actor used: legal-representative, delegate, firm-staff, self, reviewer, system. */
    actingAs: text('acting_as').notNull(),
    delegationId: uuid('delegation_id'),
    firmId: uuid('firm_id'),
    companyId: uuid('company_id'),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_company_idx').on(t.companyId, t.at),
    index('audit_delegation_idx').on(t.delegationId),
    index('audit_firm_idx').on(t.firmId, t.at),
  ],
);

/** Idempotency: a retried or double-clicked submission returns the first answer instead of filing twice. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').primaryKey(),
    accountId: uuid('account_id').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    status: text('status').$type<'pending' | 'done'>().notNull(),
    responseStatus: text('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Keys expire (cleanup job in server/jobs): the sweep finds old keys by this index.
  (t) => [index('idempotency_created_idx').on(t.createdAt)],
);
