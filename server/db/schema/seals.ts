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
import { companies } from './companies';
import { persons } from './identity';
import { licences } from './licences';

/**
 * A company's e-seals once the legal representative has claimed them (by face) and set the PIN.
 * The PIN is kept as a salted scrypt hash.
 */
export const sealClaims = pgTable('seal_claims', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  claimedByPersonId: uuid('claimed_by_person_id')
    .notNull()
    .references(() => persons.id),
  pinHash: text('pin_hash').notNull(),
  /** The fresh face check the claim used (one action per check). */
  claimFaceAttemptId: uuid('claim_face_attempt_id').unique(),
  claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
});

/**
 * One seal version's SM2 key pair, made at claim. The private key is sealed like the issuers'
 * keys; `certSignature` is the issuing authority's SM2 signature binding the public key to the
 * seal's e-seal licence identifier (the platform's stand-in for the seal certificate).
 */
export const sealKeys = pgTable('seal_keys', {
  licenceId: uuid('licence_id')
    .primaryKey()
    .references(() => licences.id),
  publicKeyHex: text('public_key_hex').notNull(),
  privateKeyEnc: text('private_key_enc').notNull(),
  issuerKeyId: text('issuer_key_id').notNull(),
  certSignature: text('cert_signature').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export type SealGrantRole = 'admin' | 'user';

/** Who may use one seal (经办人 or administrator), from when until when. */
export const sealGrants = pgTable(
  'seal_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role').$type<SealGrantRole>().notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    grantedByPersonId: uuid('granted_by_person_id')
      .notNull()
      .references(() => persons.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('seal_grants_licence_idx').on(t.licenceId, t.personId)],
);

/** Wrong PINs per seal and person: 5 in a row lock that seal for that person for 30 minutes. */
export const sealPinFailures = pgTable(
  'seal_pin_failures',
  {
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.licenceId, t.personId] })],
);

/** One signing: who, with which seal, when, where on the page; the signed file is not kept. */
export const sealSignatures = pgTable(
  'seal_signatures',
  {
    id: uuid('id').primaryKey(),
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    grantId: uuid('grant_id').references(() => sealGrants.id),
    /** How the signer proved it was them: a fresh face check, or the PIN within the window. */
    via: text('via').$type<'face' | 'pin'>().notNull(),
    /** A fresh face check authorizes one signing only. */
    faceAttemptId: uuid('face_attempt_id'),
    fileName: text('file_name').notNull(),
    digest: text('digest').notNull(),
    placement: jsonb('placement').$type<{ page: number; x: number; y: number; size: number }>().notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('seal_signatures_company_idx').on(t.companyId, t.signedAt),
    uniqueIndex('seal_signatures_face_idx').on(t.faceAttemptId),
  ],
);
