import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Status of a resident ID in the population register. Only `valid` may sign up or act. */
export type RegisterStatus = 'valid' | 'deceased' | 'cancelled';

/**
 * The bundled identity authority's register (the stand-in for the population register / CTID).
 * Loaded by the operator (`npm run authority -- import`) and the demo seed; accounts and persons
 * never write to it. The resident ID and the portrait template are sensitive personal data:
 * encrypted, the ID also as a keyed hash for lookup.
 */
export const identityRegister = pgTable('identity_register', {
  residentIdHash: text('resident_id_hash').primaryKey(),
  residentIdEnc: text('resident_id_enc').notNull(),
  name: text('name').notNull(),
  status: text('status').$type<RegisterStatus>().notNull(),
  /** Barred from being a legal representative (lifecycle rules). */
  barred: boolean('barred').notNull().default(false),
  /** The authority's reference portrait as an encrypted face template (never the image). */
  portraitEnc: text('portrait_enc'),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time SMS codes: bound to a phone (keyed hash), a purpose and a subject; single use. */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').notNull(),
    subjectId: uuid('subject_id').notNull(),
    phoneHash: text('phone_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    wrongTries: integer('wrong_tries').notNull().default(0),
  },
  (t) => [
    index('sms_codes_phone_idx').on(t.phoneHash, t.createdAt),
    index('sms_codes_subject_idx').on(t.subjectId),
  ],
);

/**
 * A verified sign-up in progress (实名注册): the name and ID matched the authority; the phone and the
 * live face are proven in the next steps. Nothing about persons or accounts changes before the end.
 */
export const signUps = pgTable('sign_ups', {
  id: uuid('id').primaryKey().defaultRandom(),
  residentIdHash: text('resident_id_hash').notNull(),
  residentIdEnc: text('resident_id_enc').notNull(),
  name: text('name').notNull(),
  phoneEnc: text('phone_enc').notNull(),
  phoneHash: text('phone_hash').notNull(),
  phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
  failedFaceAttempts: integer('failed_face_attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});

/**
 * Separate consent (单独同意, PIPL art. 29) to face processing, per resident ID so it can be given
 * before an account exists. Withdrawal is as easy as giving it.
 */
export const faceConsents = pgTable(
  'face_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentIdHash: text('resident_id_hash').notNull(),
    /** Version of the notice shown (purpose, necessity, effect, retention). */
    noticeVersion: text('notice_version').notNull(),
    /** The person's answer: consent to face processing, or refusal (then only the counter path). */
    decision: text('decision').$type<'given' | 'refused'>().notNull().default('given'),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('face_consents_person_idx').on(t.residentIdHash)],
);
