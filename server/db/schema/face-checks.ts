import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { persons } from './identity';

/** What a face check answers for; `subjectId` is the delegation or registration confirmation. */
export type FaceCheckPurpose =
  'delegation.approve' | 'registration.confirm' | 'sign-up' | 'approvals.batch' | 'change.confirm';

/**
 * A liveness challenge issued for one subject. Single use: consumed by the first submission
 * (used_at), refused after expires_at.
 */
export const faceChallenges = pgTable(
  'face_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').$type<FaceCheckPurpose>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    actions: jsonb('actions').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    userAgent: text('user_agent'),
  },
  (t) => [index('face_challenges_subject_idx').on(t.purpose, t.subjectId)],
);

/**
 * Evidence of one face verification attempt: scores, liveness, the challenge, times and device.
 * The frames themselves are never stored.
 */
export const faceAttempts = pgTable(
  'face_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').$type<FaceCheckPurpose>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** One attempt per challenge: a replayed submission cannot create a second one. */
    challengeId: uuid('challenge_id')
      .notNull()
      .unique()
      .references(() => faceChallenges.id),
    /** Whose enrolled face the frames were compared with. */
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    challengeActions: jsonb('challenge_actions').$type<string[]>().notNull(),
    challengeIssuedAt: timestamp('challenge_issued_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    /** 'match', or the refusal code (FACE_MISMATCH, LIVENESS_FAILED, NO_FACE, …). */
    outcome: text('outcome').notNull(),
    match: boolean('match').notNull(),
    similarity: doublePrecision('similarity').notNull(),
    minFrameSimilarity: doublePrecision('min_frame_similarity').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    liveness: jsonb('liveness').$type<{ passed: boolean; observed: string[]; reason?: string }>().notNull(),
    facesPerFrame: jsonb('faces_per_frame').$type<number[]>().notNull(),
    frameCount: integer('frame_count').notNull(),
    engine: text('engine').notNull(),
    durationMs: integer('duration_ms').notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('face_attempts_subject_idx').on(t.purpose, t.subjectId)],
);
