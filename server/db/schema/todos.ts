import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/text';
import type { NoticeAudience } from '../../../shared/todos/notices';
import { persons } from './identity';

/** A person's to-do settings: reminder lead times and the calendar feed's token (hashed). */
export const todoSettings = pgTable('todo_settings', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => persons.id),
  leadDays: jsonb('lead_days').$type<number[]>().notNull(),
  /** SHA-256 of the feed link's random token; null when the link is off. */
  calendarTokenHash: text('calendar_token_hash').unique(),
  calendarTokenCreatedAt: timestamp('calendar_token_created_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A reminder sent for one to-do item at one lead time. The unique key (person, item, lead) makes
 * the scheduled job send each exactly once, however many instances run it or how often.
 */
export const todoReminders = pgTable(
  'todo_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    itemKey: text('item_key').notNull(),
    leadDays: integer('lead_days').notNull(),
    dueDate: date('due_date').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    body: jsonb('body').$type<LocalizedText>().notNull(),
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When a device showed it as a desktop notification (a device that was off catches up). */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('todo_reminders_once_idx').on(t.personId, t.itemKey, t.leadDays),
    index('todo_reminders_pending_idx').on(t.personId, t.notifiedAt),
  ],
);

/** A platform notice published by an operator (reviewer), shown while today is in its window. */
export const platformNotices = pgTable(
  'platform_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    body: jsonb('body').$type<LocalizedText>().notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    audience: jsonb('audience').$type<NoticeAudience>().notNull(),
    publishedByPersonId: uuid('published_by_person_id')
      .notNull()
      .references(() => persons.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('platform_notices_window_idx').on(t.validUntil)],
);
