import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { changeApplications, changeConfirmations } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { notFound } from '../../http/errors';
import type { FaceChallengeView, FaceSubmission } from '../../../shared/api/face';
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
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { getChange, type ChangeConfirmationRow, type ChangeRow } from './store';
import { submitChange } from './submit';

export const MAX_FACE_ATTEMPTS = 5;

const subjectOf = (c: ChangeConfirmationRow): FaceSubject => ({ purpose: 'change.confirm', subjectId: c.id });

/** The signed-in person's own confirmation request (anyone else's is "not found"). */
export const confirmationFor = async (ctx: AppContext, id: string, personId: string) => {
  const [c] = await ctx.db.select().from(changeConfirmations).where(eq(changeConfirmations.id, id));
  if (!c || c.personId !== personId) throw notFound(text('确认请求', 'Confirmation request'));
  return c;
};

const requirePending = (row: ChangeRow, c: ChangeConfirmationRow): void => {
  if (c.status === 'confirmed')
    throw new DomainError(
      'ALREADY_CONFIRMED',
      text('您已确认过该申请。', 'You have already confirmed this application.'),
    );
  if (row.status === 'pre-emption-notice')
    throw new DomainError(
      'PREEMPTION_WINDOW_OPEN',
      text(
        '其他股东对股权对外转让的答复期尚未结束，结束后方可确认。',
        'The other shareholders may still answer the transfer to an outsider; confirm after that.',
      ),
    );
  if (row.status === 'claim-window')
    throw new DomainError(
      'REDUCTION_CLAIM_WINDOW_OPEN',
      text(
        '减资公告的债权人申报期尚未届满，届满并提出申请后方可确认。',
        'The creditors’ claim window of the reduction is still open; confirm after it ends and the application is made.',
      ),
    );
  if (row.status !== 'awaiting-confirmations')
    throw new DomainError(
      'CONFIRMATION_STALE',
      text('该申请已提交或已办结，无需再确认。', 'The application was already submitted or decided.'),
    );
  if (c.failedAttempts >= MAX_FACE_ATTEMPTS)
    throw new DomainError(
      'CONFIRMATION_LOCKED',
      text(
        '刷脸失败次数过多，此确认请求已锁定，请到窗口核验身份后办理。',
        'Too many failed face checks; this request is locked. Verify in person at a counter.',
      ),
    );
};

const referenceOf = async (ctx: AppContext, c: ChangeConfirmationRow) => {
  const template = await referenceFaceOf(ctx, c.personId);
  if (!template) throw faceNotEnrolled();
  return template;
};

/** A liveness challenge for the signer (face-checks settings decide its length and, in tests, its order). */
export const issueChangeChallenge = async (
  ctx: AppContext,
  c: ChangeConfirmationRow,
  userAgent: string | undefined,
): Promise<FaceChallengeView> => {
  requirePending(await getChange(ctx.db, c.applicationId), c);
  await referenceOf(ctx, c);
  return issueFaceChallenge(ctx, subjectOf(c), faceCheckSettings(ctx), userAgent);
};

/**
 * The signer confirms by a live face check against the identity authority's portrait (L4,
 * identity.md). A match records the evidence and, once everyone has confirmed, submits — and a
 * 秒批 application is approved in that same transaction. A failure counts towards the lock.
 */
export const confirmChangeWithFace = async (
  ctx: AppContext,
  c: ChangeConfirmationRow,
  body: FaceSubmission,
  userAgent: string | undefined,
): Promise<{ row: ChangeRow; notify: string[] }> => {
  requirePending(await getChange(ctx.db, c.applicationId), c);
  const reference = await referenceOf(ctx, c);
  const subject = subjectOf(c);
  const submittedAt = ctx.now();
  const challenge = await consumeFaceChallenge(ctx, subject, body.challengeId, submittedAt);
  const check = await runFaceCheck(ctx, { reference, challenge, frames: body.frames, submittedAt });

  if (!check.result.match) {
    const code = check.result.refusal ?? 'FACE_MISMATCH';
    const counted = code !== 'TEMPLATE_MISMATCH';
    const failures = await ctx.db.transaction(async (tx) => {
      const evidence = await recordFaceAttempt(tx, subject, c.personId, check, userAgent);
      const [updated] = counted
        ? await tx
            .update(changeConfirmations)
            .set({ failedAttempts: sql`${changeConfirmations.failedAttempts} + 1` })
            .where(eq(changeConfirmations.id, c.id))
            .returning({ failedAttempts: changeConfirmations.failedAttempts })
        : [];
      await writeAudit(tx, {
        actorPersonId: c.personId,
        actingAs: c.role,
        action: 'change.face-failed',
        detail: { changeId: c.applicationId, confirmationId: c.id, code, ...evidence },
      });
      return updated?.failedAttempts ?? c.failedAttempts;
    });
    throw faceRefusal(code, Math.max(0, MAX_FACE_ATTEMPTS - failures));
  }

  return ctx.db.transaction(async (tx) => {
    const row = await getChange(tx, c.applicationId, true);
    const [fresh] = await tx.select().from(changeConfirmations).where(eq(changeConfirmations.id, c.id));
    if (!fresh) throw notFound(text('确认请求', 'Confirmation request'));
    requirePending(row, fresh);
    const evidence = await recordFaceAttempt(tx, subject, c.personId, check, userAgent);
    const now = ctx.now();
    await tx
      .update(changeConfirmations)
      .set({ status: 'confirmed', confirmedAt: now, evidence: { via: 'face', ...evidence } })
      .where(eq(changeConfirmations.id, c.id));
    const [company] = await tx
      .select({ id: changeApplications.companyId })
      .from(changeApplications)
      .where(eq(changeApplications.id, row.id));
    await writeAudit(tx, {
      actorPersonId: c.personId,
      actingAs: c.role,
      action: 'change.confirm',
      companyId: company?.id ?? null,
      detail: { changeId: row.id, confirmationId: c.id, via: 'face', ...evidence },
    });
    const pending = await tx
      .select({ id: changeConfirmations.id })
      .from(changeConfirmations)
      .where(and(eq(changeConfirmations.applicationId, row.id), eq(changeConfirmations.status, 'pending')));
    if (pending.length > 0) return { row, notify: [row.filerPersonId] };
    const submitted = await submitChange(ctx, tx, row);
    return { row: submitted.row, notify: [...new Set([...submitted.notify, c.personId])] };
  });
};
