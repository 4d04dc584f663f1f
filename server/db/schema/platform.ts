import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Transactional outbox: an event is written in the same transaction as the change it announces and
 * sent to every instance with pg_notify (delivered on commit, dropped on rollback). Rows are kept a
 * short while so an instance whose listening connection dropped can catch up, then swept.
 */
export const eventOutbox = pgTable(
  'event_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: text('person_id').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_outbox_created_idx').on(t.createdAt)],
);

/**
 * Rate-limit counters shared by every instance: one row per (route, client) and fixed window; the
 * counter is raised with one upsert, so concurrent instances never lose a hit.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_reset_idx').on(t.resetAt)],
);
