import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { faceChallenges, type FaceCheckPurpose } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { createChallenge } from '../../face/liveness';
import type { ChallengeAction, FaceChallengeView } from '../../../shared/api/face';
import { text } from '../../../shared/text';
import type { FaceCheckSettings } from './settings';

export type FaceChallengeRow = typeof faceChallenges.$inferSelect;

export type FaceSubject = { purpose: FaceCheckPurpose; subjectId: string };

/** A fresh, random (or, in test runs, configured) liveness challenge for one subject. */
export const issueFaceChallenge = async (
  ctx: AppContext,
  subject: FaceSubject,
  limits: FaceCheckSettings,
  userAgent: string | undefined,
): Promise<FaceChallengeView> => {
  const actions: ChallengeAction[] = limits.fixedChallenge ?? createChallenge().actions;
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + limits.challengeSeconds * 1000);
  const [challenge] = await ctx.db
    .insert(faceChallenges)
    .values({ ...subject, actions, createdAt: now, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null })
    .returning({ id: faceChallenges.id });
  if (!challenge) throw new Error('insert returned nothing');
  return { challengeId: challenge.id, actions, expiresAt: expiresAt.toISOString() };
};

/**
 * Takes the challenge for this submission: it must belong to the subject, be unused and unexpired.
 * It is marked used before anything else, in its own statement, so two racing submissions cannot
 * both pass and an expired one cannot be retried.
 */
export const consumeFaceChallenge = async (
  ctx: AppContext,
  subject: FaceSubject,
  challengeId: string,
  now: Date,
): Promise<FaceChallengeRow> => {
  const [challenge] = await ctx.db
    .select()
    .from(faceChallenges)
    .where(
      and(
        eq(faceChallenges.id, challengeId),
        eq(faceChallenges.purpose, subject.purpose),
        eq(faceChallenges.subjectId, subject.subjectId),
      ),
    );
  if (!challenge)
    throw new DomainError(
      'CHALLENGE_UNKNOWN',
      text('核验动作已失效，请重新开始。', 'This face check is unknown; start again.'),
      { field: 'challengeId' },
    );
  const replayed = (): DomainError =>
    new DomainError(
      'CHALLENGE_USED',
      text(
        '这次核验已经提交过，不能重复提交，请重新开始。',
        'This face check was already submitted and cannot be submitted again; start again.',
      ),
      { field: 'challengeId' },
    );
  if (challenge.usedAt) throw replayed();
  const [taken] = await ctx.db
    .update(faceChallenges)
    .set({ usedAt: now })
    .where(and(eq(faceChallenges.id, challenge.id), isNull(faceChallenges.usedAt)))
    .returning({ id: faceChallenges.id });
  if (!taken) throw replayed();
  if (challenge.expiresAt <= now)
    throw new DomainError(
      'CHALLENGE_EXPIRED',
      text(
        '核验动作已超时（2 分钟内完成），请重新开始。',
        'The face check timed out (it must be done within 2 minutes); start again.',
      ),
      { field: 'challengeId' },
    );
  return challenge;
};
