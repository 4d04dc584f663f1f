import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { Actor } from '../../auth/session';
import { faceConsents, persons, sessions } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import type { FaceChallengeView, FaceSubmission } from '../../../shared/api/face';
import { FACE_NOTICE_VERSION } from '../../../shared/api/sign-up';
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
import { faceConsentOf, recentFaceFailures } from './assurance';

/** Failed step-up face checks per person per half hour before the check locks. */
export const MAX_SESSION_FACE_FAILURES = 5;

const subjectOf = (actor: Pick<Actor, 'sessionId'>): FaceSubject => ({
  purpose: 'session.face',
  subjectId: actor.sessionId,
});

const residentIdHashOf = async (ctx: AppContext, personId: string): Promise<string> => {
  const [p] = await ctx.db
    .select({ hash: persons.residentIdHash })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!p) throw new Error(`person ${personId} vanished`);
  return p.hash;
};

/** Face processing only with the person's separate consent; a refusal points to the counter path. */
const requireConsent = async (ctx: AppContext, personId: string): Promise<void> => {
  const consent = await faceConsentOf(ctx.db, await residentIdHashOf(ctx, personId));
  if (consent === 'given') return;
  throw new DomainError(
    consent === 'refused' ? 'FACE_CONSENT_REFUSED' : 'FACE_CONSENT_REQUIRED',
    consent === 'refused'
      ? text(
          '您已拒绝人脸识别。可到登记窗口出示身份证完成核验（与刷脸同等效力），或重新同意后刷脸。',
          'You refused face recognition. Verify in person at a counter with your ID card (equally valid), or consent again to use a face check.',
        )
      : text(
          '刷脸前需要您单独同意人脸信息处理。',
          'Your separate consent to face processing is needed before a face check.',
        ),
  );
};

const requireNotLocked = async (ctx: AppContext, personId: string): Promise<void> => {
  if ((await recentFaceFailures(ctx, personId)) >= MAX_SESSION_FACE_FAILURES)
    throw new DomainError(
      'FACE_CHECK_LOCKED',
      text(
        '刷脸失败次数过多，请 30 分钟后再试，或到窗口核验。',
        'Too many failed face checks; try again in 30 minutes, or verify at a counter.',
      ),
    );
};

/** Records the person's answer to the face notice (given or refused), separately from anything else. */
export const recordFaceConsent = async (
  ctx: AppContext,
  actor: Actor,
  decision: 'given' | 'refused',
): Promise<void> => {
  const residentIdHash = await residentIdHashOf(ctx, actor.personId);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(faceConsents)
      .values({ residentIdHash, noticeVersion: FACE_NOTICE_VERSION, decision, givenAt: now });
    await writeAudit(tx, {
      actorPersonId: actor.personId,
      actingAs: 'self',
      action: decision === 'given' ? 'identity.face-consent' : 'identity.face-consent-refused',
      detail: { noticeVersion: FACE_NOTICE_VERSION },
    });
  });
};

/** A liveness challenge for a step-up to L4 in this session. */
export const issueSessionFaceChallenge = async (
  ctx: AppContext,
  actor: Actor,
  userAgent: string | undefined,
): Promise<FaceChallengeView> => {
  await requireConsent(ctx, actor.personId);
  await requireNotLocked(ctx, actor.personId);
  if (!(await referenceFaceOf(ctx, actor.personId))) throw faceNotEnrolled();
  return issueFaceChallenge(ctx, subjectOf(actor), faceCheckSettings(ctx), userAgent);
};

/**
 * A live face check of the signed-in person against the authority's portrait. A match marks this
 * session face-verified (L4) — used by the next action that needs it, or, within the person's
 * re-verification window, by every such action of this session. Every attempt is evidence and audited.
 */
export const verifySessionFace = async (
  ctx: AppContext,
  actor: Actor,
  body: FaceSubmission,
  userAgent: string | undefined,
): Promise<{ faceVerifiedAt: Date }> => {
  await requireConsent(ctx, actor.personId);
  await requireNotLocked(ctx, actor.personId);
  const reference = await referenceFaceOf(ctx, actor.personId);
  if (!reference) throw faceNotEnrolled();
  const subject = subjectOf(actor);
  const submittedAt = ctx.now();
  const challenge = await consumeFaceChallenge(ctx, subject, body.challengeId, submittedAt);
  const check = await runFaceCheck(ctx, { reference, challenge, frames: body.frames, submittedAt });
  const { result, finishedAt } = check;
  const failures = await ctx.db.transaction(async (tx) => {
    const evidence = await recordFaceAttempt(tx, subject, actor.personId, check, userAgent);
    if (result.match)
      await tx.update(sessions).set({ faceVerifiedAt: finishedAt }).where(eq(sessions.id, actor.sessionId));
    await writeAudit(tx, {
      actorPersonId: actor.personId,
      actingAs: 'self',
      action: result.match ? 'identity.face-verified' : 'identity.face-failed',
      detail: { sessionId: actor.sessionId, code: result.refusal ?? null, ...evidence },
    });
    return result.match ? 0 : 1;
  });
  if (failures === 0) return { faceVerifiedAt: finishedAt };
  const left = Math.max(0, MAX_SESSION_FACE_FAILURES - (await recentFaceFailures(ctx, actor.personId)));
  throw faceRefusal(result.refusal ?? 'FACE_MISMATCH', left);
};
