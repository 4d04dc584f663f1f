import {
  boolean,
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
import type { AnnualReportContent } from '../../../shared/lifecycle/annual-report-fields';
import { companies } from './companies';
import { persons } from './identity';

/**
 * One version of one annual report (企业年报). Version 1 is the report as filed; each correction
 * adds the next version and marks the previous one superseded (both stay visible, DISC §12).
 * The unique index makes a racing second filing of the same version fail instead of doubling.
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    reportYear: integer('report_year').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<AnnualReportContent>().notNull(),
    /** Items the company chose not to publish (filed all the same). */
    withheld: jsonb('withheld').$type<string[]>().notNull(),
    /** Filed after 30 June of the filing year (补报). */
    late: boolean('late').notNull().default(false),
    correctionNote: text('correction_note'),
    filedByPersonId: uuid('filed_by_person_id')
      .notNull()
      .references(() => persons.id),
    actingAs: text('acting_as').notNull(),
    delegationId: uuid('delegation_id'),
    firmId: uuid('firm_id'),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('annual_reports_version_idx').on(t.companyId, t.reportYear, t.version),
    index('annual_reports_company_idx').on(t.companyId, t.reportYear),
  ],
);

/**
 * A company's entry on the abnormal operations list (经营异常名录) for one missing report year.
 * One entry per company and year: the listing job can run any number of times.
 */
export const abnormalListEntries = pgTable(
  'abnormal_list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    reportYear: integer('report_year').notNull(),
    reason: jsonb('reason').$type<LocalizedText>().notNull(),
    listedOn: date('listed_on').notNull(),
    listedAt: timestamp('listed_at', { withTimezone: true }).notNull(),
    removalAppliedAt: timestamp('removal_applied_at', { withTimezone: true }),
    removedOn: date('removed_on'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedByPersonId: uuid('removed_by_person_id').references(() => persons.id),
  },
  (t) => [
    uniqueIndex('abnormal_list_company_year_idx').on(t.companyId, t.reportYear),
    index('abnormal_list_listed_idx').on(t.companyId, t.removedAt),
  ],
);

/** One row per report year whose 1 July listing has run: the job runs exactly once per year. */
export const abnormalListRuns = pgTable('abnormal_list_runs', {
  reportYear: integer('report_year').primaryKey(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  listed: integer('listed').notNull(),
});
