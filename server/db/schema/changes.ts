import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/text';
import type { ChangeItemKey } from '../../../shared/lifecycle/change-items';
import type { RegisteredShareholder } from '../../../shared/lifecycle/equity';
import { companies } from './companies';
import { delegations } from './delegations';
import { persons } from './identity';
import { licences } from './licences';

export type ChangeStatus =
  | 'pre-emption-notice'
  | 'claim-window'
  | 'awaiting-confirmations'
  | 'submitted'
  | 'needs-supplement'
  | 'approved'
  | 'rejected';

/** One line of the diff as the public and the filer see it (masked where a person is named). */
export type StoredDiffLine = { item: ChangeItemKey; before: string; after: string };

/**
 * A change registration or filing (变更登记/备案), lifecycle.md §1. The proposal names people with
 * resident IDs and phones, so it is stored encrypted (`proposalEnc`); the diff kept in clear is the
 * masked, public form of it.
 */
export const changeApplications = pgTable(
  'change_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    filerPersonId: uuid('filer_person_id')
      .notNull()
      .references(() => persons.id),
    actingAs: text('acting_as').notNull(),
    delegationId: uuid('delegation_id'),
    firmId: uuid('firm_id'),
    status: text('status').$type<ChangeStatus>().notNull(),
    items: jsonb('items').$type<ChangeItemKey[]>().notNull(),
    diff: jsonb('diff').$type<StoredDiffLine[]>().notNull(),
    proposalEnc: text('proposal_enc').notNull(),
    resolutionDate: date('resolution_date').notNull(),
    late: boolean('late').notNull(),
    threshold: text('threshold').$type<'two-thirds' | 'majority'>().notNull(),
    inFavour: text('in_favour').notNull(),
    route: text('route').$type<'automatic' | 'reviewer'>().notNull(),
    reviewReasons: jsonb('review_reasons').$type<ChangeItemKey[]>().notNull(),
    /** Capital reduction: CL §225 (cover losses) or §224, its announcement and claim window. */
    reductionCoverLosses: boolean('reduction_cover_losses'),
    announcedOn: date('announced_on'),
    claimWindowEndsOn: date('claim_window_ends_on'),
    decisionNote: text('decision_note'),
    reviewerPersonId: uuid('reviewer_person_id').references(() => persons.id),
    licenceId: uuid('licence_id').references(() => licences.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    approvedOn: date('approved_on'),
  },
  (t) => [
    index('change_applications_company_idx').on(t.companyId, t.createdAt),
    index('change_applications_status_idx').on(t.status),
  ],
);

/** A person who must confirm (sign) the application by live face: the legal representative, or the new one (CL §35). */
export const changeConfirmations = pgTable(
  'change_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => changeApplications.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role')
      .$type<'legal-representative' | 'new-legal-representative' | 'new-shareholder'>()
      .notNull(),
    status: text('status').$type<'pending' | 'confirmed'>().notNull().default('pending'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    evidence: jsonb('evidence').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('change_confirmations_app_idx').on(t.applicationId),
    index('change_confirmations_person_idx').on(t.personId, t.status),
  ],
);

/** What an approval did: licence versions, seals revoked and re-issued, tax registration, notices. */
export const changeRecords = pgTable(
  'change_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => changeApplications.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: text('kind')
      .$type<'business-licence' | 'seal-revoked' | 'seal-issued' | 'tax-registration' | 'delegation-review'>()
      .notNull(),
    reference: text('reference').notNull(),
    licenceId: uuid('licence_id').references(() => licences.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('change_records_app_idx').on(t.applicationId)],
);

export type FiledBeneficialOwner = {
  name: string;
  personId: string;
  residentIdMasked: string;
  basis: 'ownership' | 'control' | 'benefit';
  share: string | null;
};

/** The filed facts (备案) a company's registration row does not hold: officers, liaison, articles. */
export const companyFilings = pgTable('company_filings', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  officers: jsonb('officers').$type<{ directors: string[]; supervisors: string[]; manager: string | null }>(),
  liaisonPersonId: uuid('liaison_person_id').references(() => persons.id),
  articlesAmendedOn: date('articles_amended_on'),
  articlesSummary: text('articles_summary'),
  /** The shareholder register (names registered §1.1, subscriptions and terms filed §1.2, §1.10). */
  shareholders: jsonb('shareholders').$type<RegisteredShareholder[]>(),
  /** Business term (营业期限, filed §1.2): an end date, or null for 长期. */
  businessTermEndsOn: date('business_term_ends_on'),
  businessTermFiled: boolean('business_term_filed').notNull().default(false),
  /** Beneficial owners (受益所有人, filed §1.2), names with masked IDs — the real-name register holds the rest. */
  beneficialOwners: jsonb('beneficial_owners').$type<FiledBeneficialOwner[]>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * After a legal representative change, each active delegation the outgoing one granted waits for
 * the new one to keep or revoke it; unconfirmed by `dueOn` it ends (lifecycle.md §1.16).
 */
export const delegationReviews = pgTable(
  'delegation_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => changeApplications.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id),
    reviewerPersonId: uuid('reviewer_person_id')
      .notNull()
      .references(() => persons.id),
    dueOn: date('due_on').notNull(),
    noticeOn: date('notice_on').notNull(),
    noticeSentAt: timestamp('notice_sent_at', { withTimezone: true }),
    decision: text('decision').$type<'kept' | 'revoked' | 'ended'>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    note: jsonb('note').$type<LocalizedText>(),
  },
  (t) => [
    index('delegation_reviews_company_idx').on(t.companyId, t.decision),
    index('delegation_reviews_due_idx').on(t.dueOn, t.decision),
  ],
);

/**
 * CL §84 ¶2: written notice of a transfer to an outsider to each other shareholder, who may waive
 * pre-emption, claim it, or not answer within 30 days (deemed waived).
 */
export const equityNotices = pgTable(
  'equity_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => changeApplications.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    shareholderName: text('shareholder_name').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    notifiedOn: date('notified_on').notNull(),
    windowEndsOn: date('window_ends_on').notNull(),
    answer: text('answer').$type<'waived' | 'claimed' | 'deemed-waived'>(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('equity_notices_app_idx').on(t.applicationId),
    index('equity_notices_person_idx').on(t.personId),
  ],
);
