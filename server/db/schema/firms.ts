import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
