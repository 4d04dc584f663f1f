import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A face template as the verifier produced it; the engine id lets a template from another model be refused. */
export type StoredFaceTemplate = { engine: string; vector: number[] };

/** A natural person (自然人). Resident ID and phone are personal data: encrypted, plus keyed hashes for lookup. */
export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  residentIdEnc: text('resident_id_enc').notNull(),
  residentIdHash: text('resident_id_hash').notNull().unique(),
  residentIdMasked: text('resident_id_masked').notNull(),
  phoneEnc: text('phone_enc'),
  phoneHash: text('phone_hash').unique(),
  phoneMasked: text('phone_masked'),
  /** When a verified sign-up matched this person to the identity authority with a live face (实名+实人). */
  authorityVerifiedAt: timestamp('authority_verified_at', { withTimezone: true }),
  /** Counter verification (L5): a reviewer saw the ID card in person; who and when (audited). */
  counterVerifiedAt: timestamp('counter_verified_at', { withTimezone: true }),
  counterVerifiedBy: uuid('counter_verified_by'),
  blocked: boolean('blocked').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  personId: uuid('person_id')
    .notNull()
    .unique()
    .references(() => persons.id),
  passwordHash: text('password_hash').notNull(),
  /** Platform role: ordinary users, registration/licence reviewers (authority staff). */
  role: text('role').$type<'user' | 'reviewer'>().notNull().default('user'),
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  /** Re-verification window (身份认证频次) in minutes, 30–1440; null: every L4 action needs a fresh face. */
  reverifyWindowMinutes: integer('reverify_window_minutes'),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id')
    .notNull()
    .references(() => accounts.id),
  tokenHash: text('token_hash').notNull().unique(),
  userAgent: text('user_agent'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** How the person proved who they are for this session: 'password' or 'sms' (password + SMS code). */
  assurance: text('assurance').$type<'password' | 'sms'>().notNull().default('password'),
  /** The last live face check matched to the authority's portrait in this session (L4). */
  faceVerifiedAt: timestamp('face_verified_at', { withTimezone: true }),
  /**
   * When an L4 action used up that face check. Without a re-verification window a face check
   * answers for exactly one action (or one batch of approvals); within the window it answers for
   * every action of this session until the window ends.
   */
  faceUsedAt: timestamp('face_used_at', { withTimezone: true }),
});

/** Per-account preferences that follow the person to any machine (language, elder mode). */
export const preferences = pgTable('preferences', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  lang: text('lang').$type<'zh' | 'zh-HK' | 'en'>().notNull().default('zh'),
  elderMode: boolean('elder_mode').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
