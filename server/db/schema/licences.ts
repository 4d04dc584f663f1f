import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SignedLicence } from '../../../shared/licences/document';
import { companies } from './companies';
import { persons } from './identity';
import { newVerifyCode } from '../../security/tokens';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * An issuing authority's SM2 key pair, made at first start. The private key is sealed with
 * AES-GCM under a key derived from the platform data key; the public key is published.
 */
export const licenceIssuerKeys = pgTable('licence_issuer_keys', {
  keyId: text('key_id').primaryKey(),
  issuerKey: text('issuer_key').notNull().unique(),
  publicKeyHex: text('public_key_hex').notNull(),
  privateKeyEnc: text('private_key_enc').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Serial numbers of issued licences (the GB/T 36904 serial segment), shared by all types. */
export const licenceSerialSeq = pgSequence('licence_serial_seq', { startWith: 1 });

export type LicenceRowStatus = 'active' | 'revoked' | 'superseded';

/** One version of one licence as signed; a re-issue adds a row and supersedes the previous one. */
export const licences = pgTable(
  'licences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** GB/T 36904 identifier; it carries the version, so each version has its own. */
    identifier: text('identifier').notNull().unique(),
    serial: text('serial').notNull(),
    typeKey: text('type_key').notNull(),
    typeCode: text('type_code').notNull(),
    version: integer('version').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    issuerKey: text('issuer_key').notNull(),
    signed: jsonb('signed').$type<SignedLicence>().notNull(),
    digest: text('digest').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    status: text('status').$type<LicenceRowStatus>().notNull().default('active'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /**
     * The short opaque code of the printed verification QR (`<public>/v/<code>`), random, 20
     * characters; the signed seal itself travels in the PDF's attachment for offline checks.
     */
    verifyCode: text('verify_code')
      .notNull()
      .unique()
      .$defaultFn(() => newVerifyCode()),
  },
  (t) => [
    index('licences_company_idx').on(t.companyId, t.status),
    uniqueIndex('licences_lineage_version_idx').on(t.typeCode, t.issuerKey, t.serial, t.version),
  ],
);

/** 用证授权: a time-limited, revocable link that shows one licence version to a third party. */
export const licenceShares = pgTable(
  'licence_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    createdByPersonId: uuid('created_by_person_id')
      .notNull()
      .references(() => persons.id),
    recipient: text('recipient').notNull(),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The token itself, encrypted, so the holder can copy the link again. */
    tokenEnc: text('token_enc').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('licence_shares_licence_idx').on(t.licenceId)],
);

/** Every opening of a share link, including refused ones. */
export const licenceShareAccess = pgTable(
  'licence_share_access',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shareId: uuid('share_id')
      .notNull()
      .references(() => licenceShares.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    outcome: text('outcome').$type<'shown' | 'expired' | 'revoked'>().notNull(),
    client: text('client'),
  },
  (t) => [index('licence_share_access_share_idx').on(t.shareId, t.at)],
);

export type ApplicationStatus = 'submitted' | 'accepted' | 'approved' | 'returned';

/** A licence-free (免证办) application for a service item. */
export const licenceApplications = pgTable(
  'licence_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    serviceCode: text('service_code').notNull(),
    status: text('status').$type<ApplicationStatus>().notNull().default('submitted'),
    submittedByPersonId: uuid('submitted_by_person_id')
      .notNull()
      .references(() => persons.id),
    actingAs: text('acting_as').notNull(),
    delegationId: uuid('delegation_id'),
    firmId: uuid('firm_id'),
    note: text('note'),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reviewerPersonId: uuid('reviewer_person_id').references(() => persons.id),
    decisionNote: text('decision_note'),
    issuedLicenceId: uuid('issued_licence_id').references(() => licences.id),
  },
  (t) => [
    index('licence_applications_company_idx').on(t.companyId, t.submittedAt),
    index('licence_applications_status_idx').on(t.status),
  ],
);

/** The licences an application used, exactly as consented: identifier, version and digest. */
export const licenceApplicationAttachments = pgTable(
  'licence_application_attachments',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => licenceApplications.id),
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    materialKey: text('material_key').notNull(),
    typeKey: text('type_key').notNull(),
    identifier: text('identifier').notNull(),
    version: integer('version').notNull(),
    digest: text('digest').notNull(),
  },
  (t) => [
    uniqueIndex('licence_app_att_pk').on(t.applicationId, t.licenceId),
    index('licence_app_att_licence_idx').on(t.licenceId),
  ],
);

/** A non-licence material (PDF/JPEG/PNG), kept in the database; claimed by one application. */
export const licenceUploads = pgTable(
  'licence_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    uploadedByPersonId: uuid('uploaded_by_person_id')
      .notNull()
      .references(() => persons.id),
    applicationId: uuid('application_id').references(() => licenceApplications.id),
    materialKey: text('material_key').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('licence_uploads_application_idx').on(t.applicationId)],
);
