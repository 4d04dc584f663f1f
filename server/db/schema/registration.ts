import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { persons } from './identity';
import { companies } from './companies';
import { licences } from './licences';

type Localized = { zh: string; en: string };
type StoredProblem = { code: string; severity: 'error' | 'warning'; field: string; text: Localized };

/**
 * One company registration (企业开办) from first draft to approval. The form holds resident IDs
 * and phone numbers of everyone named, so it is stored encrypted as a whole (`dataEnc`); only the
 * proposed name is kept in clear, because pending names count in the uniqueness check.
 */
export const registrationApplications = pgTable(
  'registration_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filerPersonId: uuid('filer_person_id')
      .notNull()
      .references(() => persons.id),
    status: text('status')
      .$type<'draft' | 'confirming' | 'in-review' | 'returned' | 'approved'>()
      .notNull()
      .default('draft'),
    step: text('step').notNull().default('basics'),
    /** Bumped on every save; a save based on an older revision is refused (another machine saved). */
    revision: integer('revision').notNull().default(0),
    dataEnc: text('data_enc').notNull(),
    proposedName: text('proposed_name'),
    nameParts: jsonb('name_parts').$type<{
      region: string;
      tradeName: string;
      industry: string;
      form: string;
    }>(),
    /** SHA-256 of the complete application everyone was asked to confirm. */
    contentHash: text('content_hash'),
    reviewReasons: jsonb('review_reasons').$type<StoredProblem[]>().notNull().default([]),
    returnComment: text('return_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reviewerPersonId: uuid('reviewer_person_id').references(() => persons.id),
    companyId: uuid('company_id').references(() => companies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registration_filer_idx').on(t.filerPersonId, t.updatedAt),
    index('registration_status_idx').on(t.status),
    index('registration_name_idx').on(t.proposedName),
  ],
);

/**
 * A request to one person (or company shareholder) named in the application to confirm it. Account
 * holders confirm by re-entering their password; others through a link and a one-time code that
 * the filer passes on (the code is kept encrypted so the filer can show it again).
 */
export const registrationConfirmations = pgTable(
  'registration_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => registrationApplications.id),
    kind: text('kind').$type<'person' | 'company'>().notNull(),
    name: text('name').notNull(),
    /** Keyed hash of the normalized resident ID (person) or USCC (company). */
    identifierHash: text('identifier_hash').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull(),
    /** The account holder who confirms (the person, or the company shareholder's legal representative). */
    personId: uuid('person_id').references(() => persons.id),
    method: text('method').$type<'password' | 'code' | 'face'>().notNull(),
    linkTokenHash: text('link_token_hash').unique(),
    linkTokenEnc: text('link_token_enc'),
    codeEnc: text('code_enc'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    contentHash: text('content_hash').notNull(),
    status: text('status').$type<'pending' | 'confirmed'>().notNull().default('pending'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registration_confirmations_app_idx').on(t.applicationId),
    index('registration_confirmations_person_idx').on(t.personId),
  ],
);

/** Each step of an application's life with its time, for the timeline the filer sees. */
export const registrationEvents = pgTable(
  'registration_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => registrationApplications.id),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    detail: jsonb('detail').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [index('registration_events_app_idx').on(t.applicationId, t.at)],
);

/** What approval issued: business licence, e-seals, tax, social insurance, housing fund, bank appointment. */
export const registrationRecords = pgTable(
  'registration_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => registrationApplications.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: text('kind')
      .$type<
        | 'business-licence'
        | 'seal'
        | 'tax-registration'
        | 'social-insurance'
        | 'housing-fund'
        | 'bank-account'
      >()
      .notNull(),
    reference: text('reference').notNull(),
    licenceId: uuid('licence_id').references(() => licences.id),
    detail: jsonb('detail').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('registration_records_company_idx').on(t.companyId)],
);

/** The registering authority's running number per division, for fresh USCCs (uscc-issuance.ts). */
export const registrationUsccSequences = pgTable('registration_uscc_sequences', {
  divisionCode: text('division_code').primaryKey(),
  nextValue: integer('next_value').notNull(),
});
