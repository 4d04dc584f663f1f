import { date, index, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { persons } from './identity';

/** A market entity (市场主体). Exactly one legal representative. */
export const companies = pgTable('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  uscc: text('uscc').notNull().unique(),
  name: text('name').notNull().unique(),
  /** Parsed name parts, kept for the registration uniqueness rule (region + 字号 + industry). */
  nameParts: jsonb('name_parts').$type<{
    region: string;
    tradeName: string;
    industry: string;
    form: string;
  }>(),
  type: text('type').$type<'llc' | 'sole-llc'>().notNull(),
  legalRepPersonId: uuid('legal_rep_person_id')
    .notNull()
    .references(() => persons.id),
  registeredCapital: numeric('registered_capital', { precision: 18, scale: 2 }).notNull(),
  divisionCode: text('division_code').notNull(),
  address: text('address').notNull(),
  businessScope: jsonb('business_scope').$type<string[]>().notNull(),
  establishedOn: date('established_on').notNull(),
  registrationAuthority: text('registration_authority').notNull(),
  status: text('status').$type<'active' | 'suspended' | 'deregistered'>().notNull().default('active'),
  taxpayerType: text('taxpayer_type').$type<'small-scale' | 'general'>().notNull().default('small-scale'),
  vatPeriod: text('vat_period').$type<'month' | 'quarter'>().notNull().default('quarter'),
  /** 城建税 location class for surcharges. */
  taxLocation: text('tax_location').$type<'urban' | 'county_town' | 'other'>().notNull().default('urban'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type CompanyRole = 'legal-representative' | 'agent' | 'shareholder' | 'finance-officer' | 'liaison';

/** Who is connected to a company and how. Connection alone grants no authority to act except for the legal representative. */
export const companyRoles = pgTable(
  'company_roles',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role').$type<CompanyRole>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.personId, t.role] }),
    index('company_roles_person_idx').on(t.personId),
  ],
);
