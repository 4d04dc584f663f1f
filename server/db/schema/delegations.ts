import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { persons } from './identity';
import { companies } from './companies';
import { firms } from './firms';

export type DelegationStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'cancelled' | 'revoked';

/** An authorization (授权) from a company's legal representative to a person or a firm. */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    grantorPersonId: uuid('grantor_person_id')
      .notNull()
      .references(() => persons.id),
    granteePersonId: uuid('grantee_person_id').references(() => persons.id),
    granteeFirmId: uuid('grantee_firm_id').references(() => firms.id),
    requestedByPersonId: uuid('requested_by_person_id')
      .notNull()
      .references(() => persons.id),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    note: text('note'),
    status: text('status').$type<DelegationStatus>().notNull().default('pending'),
    /** Requested validity: a duration in days, or single use for one matter. */
    durationDays: integer('duration_days'),
    durationMonths: integer('duration_months'),
    singleUse: boolean('single_use').notNull().default(false),
    singleUseMatter: text('single_use_matter'),
    usedAt: timestamp('used_at', { withTimezone: true }),
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    linkTokenHash: text('link_token_hash').unique(),
    /** The link token itself, encrypted, so the requester and the legal representative can show the QR again. */
    linkTokenEnc: text('link_token_enc'),
    linkExpiresAt: timestamp('link_expires_at', { withTimezone: true }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    renewsDelegationId: uuid('renews_delegation_id'),
    /**
     * A firm handover: approving this request ends every authorization of that firm for the
     * company in the same transaction (issue 15).
     */
    replacesFirmId: uuid('replaces_firm_id'),
    /** What the agent said they were trying to do when asking (task keys from the catalogue). */
    requestedTasks: jsonb('requested_tasks').$type<string[]>(),
    /** The legal representative's reason when rejecting or revoking. */
    decisionNote: text('decision_note'),
    renewalRemindedAt: timestamp('renewal_reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('delegations_company_idx').on(t.companyId),
    index('delegations_grantee_idx').on(t.granteePersonId),
    index('delegations_grantee_firm_idx').on(t.granteeFirmId),
  ],
);
