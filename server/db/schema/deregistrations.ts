import { date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { persons } from './identity';

export type DeregistrationStatus = 'commitment' | 'notice' | 'apply-window' | 'deregistered' | 'ended';

/**
 * One simplified deregistration (简易注销) of a company, lifecycle.md §4:
 * commitment → notice (20 d) → apply-window (20 d) → deregistered, or ended (objection, lapse,
 * withdrawal). The notice dates are China calendar dates, inclusive.
 */
export const deregistrations = pgTable(
  'deregistrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    status: text('status').$type<DeregistrationStatus>().notNull(),
    startedByPersonId: uuid('started_by_person_id')
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    noticeFrom: date('notice_from'),
    noticeUntil: date('notice_until'),
    applyUntil: date('apply_until'),
    endedReason: text('ended_reason').$type<'objection' | 'lapsed' | 'ineligible'>(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Why completion waits in the application window (open tax matters…), as shown to the company. */
    blockedBy: text('blocked_by'),
  },
  (t) => [index('deregistrations_company_idx').on(t.companyId, t.status)],
);

/** Each investor's commitment (全体投资人承诺书), confirmed by a live face check. */
export const deregistrationCommitments = pgTable(
  'deregistration_commitments',
  {
    deregistrationId: uuid('deregistration_id')
      .notNull()
      .references(() => deregistrations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    faceAttemptId: uuid('face_attempt_id').unique(),
  },
  (t) => [primaryKey({ columns: [t.deregistrationId, t.personId] })],
);

/** An objection filed on the disclosure page during the notice; the contact is encrypted. */
export const deregistrationObjections = pgTable('deregistration_objections', {
  id: uuid('id').primaryKey().defaultRandom(),
  deregistrationId: uuid('deregistration_id')
    .notNull()
    .references(() => deregistrations.id),
  name: text('name').notNull(),
  contactEnc: text('contact_enc').notNull(),
  reason: text('reason').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * What a reviewer recorded against simplified deregistration that the platform cannot see itself
 * (equity frozen or pledged, investigation, litigation, unexecuted fines…); cleared when resolved.
 */
export const deregistrationFlags = pgTable(
  'deregistration_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    reason: text('reason').notNull(),
    setByPersonId: uuid('set_by_person_id')
      .notNull()
      .references(() => persons.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
  },
  (t) => [index('deregistration_flags_company_idx').on(t.companyId)],
);
