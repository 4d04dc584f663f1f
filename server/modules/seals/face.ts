import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { faceAttempts, sealClaims, sealSignatures } from '../../db/schema';
import type { FaceChallengeView, FaceSubmission } from '../../../shared/api/face';
import { FRESH_FACE_MINUTES, faceWithin } from '../../../shared/seals/rules';
import {
  consumeFaceChallenge,
  faceCheckSettings,
  faceNotEnrolled,
  faceRefusal,
  issueFaceChallenge,
  recordFaceAttempt,
  runFaceCheck,
  type FaceSubject,
} from '../face-checks';
import { referenceFaceOf } from '../identity-authority';
import { faceCheckInvalid } from './errors';

type LivePurpose = 'seals.use' | 'deregistration.commit';

const subjectOf = (personId: string, purpose: LivePurpose = 'seals.use'): FaceSubject => ({
  purpose,
  subjectId: personId,
});

export const issueSealChallenge = async (
  ctx: AppContext,
  personId: string,
  userAgent: string | undefined,
  purpose: LivePurpose = 'seals.use',
): Promise<FaceChallengeView> => {
  if (!(await referenceFaceOf(ctx, personId))) throw faceNotEnrolled();
  return issueFaceChallenge(ctx, subjectOf(personId, purpose), faceCheckSettings(ctx), userAgent);
};

/** A live face check of the signed-in person; a match is evidence one seal action may use. */
export const runSealFaceCheck = async (
  ctx: AppContext,
  personId: string,
  body: FaceSubmission,
  userAgent: string | undefined,
  purpose: LivePurpose = 'seals.use',
): Promise<{ faceCheckId: string; checkedAt: string }> => {
  const template = await referenceFaceOf(ctx, personId);
  if (!template) throw faceNotEnrolled();
  const subject = subjectOf(personId, purpose);
  const submittedAt = ctx.now();
  const challenge = await consumeFaceChallenge(ctx, subject, body.challengeId, submittedAt);
  const check = await runFaceCheck(ctx, { reference: template, challenge, frames: body.frames, submittedAt });
  const evidence = await ctx.db.transaction((tx) =>
    recordFaceAttempt(tx, subject, personId, check, userAgent),
  );
  if (!check.result.match || !evidence.attemptId) throw faceRefusal(check.result.refusal ?? 'FACE_MISMATCH');
  return { faceCheckId: evidence.attemptId, checkedAt: check.finishedAt.toISOString() };
};

/** A passed face check of the person for `purpose`, at most a few minutes old (usage is the caller's). */
export const assertFreshFaceCheck = async (
  tx: DbOrTx,
  ctx: AppContext,
  personId: string,
  faceCheckId: string,
  purpose: LivePurpose,
): Promise<void> => {
  const [a] = await tx
    .select()
    .from(faceAttempts)
    .where(and(eq(faceAttempts.id, faceCheckId), eq(faceAttempts.purpose, purpose)));
  if (!a || a.personId !== personId || !a.match || !faceWithin(a.finishedAt, FRESH_FACE_MINUTES, ctx.now()))
    throw faceCheckInvalid();
};

/**
 * A fresh face check for one seal action: the person's own seal check, passed, at most a few
 * minutes old and not used by a claim or a signing before.
 */
export const takeFreshFaceCheck = async (
  tx: DbOrTx,
  ctx: AppContext,
  personId: string,
  faceCheckId: string,
): Promise<void> => {
  await assertFreshFaceCheck(tx, ctx, personId, faceCheckId, 'seals.use');
  const [usedBySign] = await tx
    .select({ id: sealSignatures.id })
    .from(sealSignatures)
    .where(eq(sealSignatures.faceAttemptId, faceCheckId));
  const [usedByClaim] = await tx
    .select({ id: sealClaims.companyId })
    .from(sealClaims)
    .where(eq(sealClaims.claimFaceAttemptId, faceCheckId));
  if (usedBySign || usedByClaim) throw faceCheckInvalid();
};
