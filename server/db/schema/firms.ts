import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { persons } from './identity';
import { companies } from './companies';

/** An intermediary service firm (代办 / 代理记账). */
export const firms = pgTable('firms', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  uscc: text('uscc').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const firmMembers = pgTable(
  'firm_members',
  {
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role').$type<'admin' | 'staff'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.personId] })],
);

/** A firm's client companies. */
export const firmClients = pgTable(
  'firm_clients',
  {
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    contact: text('contact'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.companyId] })],
);

/** Access groups narrow which staff handle which clients (admins see all). */
export const accessGroups = pgTable('access_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  firmId: uuid('firm_id')
    .notNull()
    .references(() => firms.id),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const accessGroupStaff = pgTable(
  'access_group_staff',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => accessGroups.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] })],
);

export const accessGroupClients = pgTable(
  'access_group_clients',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => accessGroups.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.companyId] })],
);

/**
 * An invitation to join a firm, addressed to a phone number (looked up by keyed hash). A person
 * who already has an account is added at once; otherwise the invite waits until someone with that
 * phone signs up and accepts it.
 */
export const firmInvites = pgTable(
  'firm_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    phoneHash: text('phone_hash').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    role: text('role').$type<'admin' | 'staff'>().notNull(),
    groupIds: jsonb('group_ids').$type<string[]>().notNull().default([]),
    invitedByPersonId: uuid('invited_by_person_id')
      .notNull()
      .references(() => persons.id),
    status: text('status')
      .$type<'pending' | 'accepted' | 'declined' | 'withdrawn'>()
      .notNull()
      .default('pending'),
    acceptedByPersonId: uuid('accepted_by_person_id').references(() => persons.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('firm_invites_phone_idx').on(t.phoneHash, t.status),
    index('firm_invites_firm_idx').on(t.firmId),
  ],
);

/** A roster filter a person saved under a name (their own, per firm). */
export const firmSavedViews = pgTable(
  'firm_saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('firm_saved_views_name_idx').on(t.firmId, t.personId, t.name)],
);

/** How often the platform re-sent a firm's unanswered delegation request on its own. */
export const firmRequestResends = pgTable('firm_request_resends', {
  delegationId: uuid('delegation_id').primaryKey(),
  firmId: uuid('firm_id')
    .notNull()
    .references(() => firms.id),
  count: integer('count').notNull().default(0),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
});
