import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, delegations, persons } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import type { FaceRefusalCode, FaceTemplate } from '../../face/verifier';
import type { ApprovalView, FaceChallengeView, FaceSubmission } from '../../../shared/api/delegation';
import { renewalStart, validityFromColumns, validUntil } from '../../../shared/delegation/validity';
import { text } from '../../../shared/text';
import { notFound } from '../../http/errors';
import { expireDue } from './sweep';
import { applyTransition, closeRequestInbox, informRequester } from './lifecycle';
import { locked, requireAnswerable, resolveLink } from './link';
import { consumeFaceChallenge, issueFaceChallenge, type FaceSubject } from '../face-checks';
import { faceNotEnrolled, faceRefusal } from '../face-checks';
import { FACE_REFUSAL_TEXT } from '../../face/refusal-text';
import { referenceFaceOf } from '../identity-authority';
import { recordFaceAttempt, runFaceCheck } from '../face-checks';
import { faceCheckSettings } from '../face-checks';
import { delegationSettings } from './settings';
import { completeHandover, handoverView } from './handover';
import type { DelegationRow } from './views';

const subjectOf = (row: DelegationRow): FaceSubject => ({ purpose: 'delegation.approve', subjectId: row.id });

/** When the authorization would start and end if approved at `now` (a renewal continues the old one). */
const plannedWindow = async (
  db: DbOrTx,
  row: DelegationRow,
  now: Date,
): Promise<{ from: Date; until: Date }> => {
  let from = now;
  if (row.renewsDelegationId) {
    const [old] = await db.select().from(delegations).where(eq(delegations.id, row.renewsDelegationId));
    if (old?.status === 'approved') from = renewalStart(old.validUntil, now);
  }
  return { from, until: validUntil(validityFromColumns(row), from) };
};

/** What the phone page shows: who asks, for which company, which scopes, until when. */
export const approvalView = async (ctx: AppContext, token: string): Promise<ApprovalView> => {
  const row = await resolveLink(ctx, ctx.db, token);
  const [company] = await ctx.db
    .select({ name: companies.name, uscc: companies.uscc })
    .from(companies)
    .where(eq(companies.id, row.companyId));
  const [requester] = await ctx.db.select().from(persons).where(eq(persons.id, row.requestedByPersonId));
  const [grantor] = await ctx.db.select().from(persons).where(eq(persons.id, row.grantorPersonId));
  if (!company || !requester || !grantor) throw new Error('delegation references missing rows');
  const now = ctx.now();
  const until = row.status === 'pending' ? (await plannedWindow(ctx.db, row, now)).until : row.validUntil;
  return {
    status: row.status,
    company,
    requester: { name: requester.name, residentIdMasked: requester.residentIdMasked },
    grantorName: grantor.name,
    scopes: row.scopes,
    note: row.note,
    validity: validityFromColumns(row),
    validUntil: until ? until.toISOString() : null,
    linkExpiresAt: (row.linkExpiresAt ?? now).toISOString(),
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    attemptsLeft: Math.max(0, delegationSettings(ctx).maxFailedAttempts - row.failedAttempts),
    faceEnrolled: (await referenceFaceOf(ctx, grantor.id)) !== undefined,
    handover: row.status === 'pending' ? await handoverView(ctx.db, row) : null,
  };
};

const grantorTemplate = async (ctx: AppContext, row: DelegationRow): Promise<FaceTemplate> => {
  const [found] = await ctx.db
    .select({ legalRep: companies.legalRepPersonId })
    .from(companies)
    .where(eq(companies.id, row.companyId));
  if (!found || found.legalRep !== row.grantorPersonId)
    throw new DomainError(
      'GRANTOR_CHANGED',
      text(
        '该企业的法定代表人已变更，请经办人重新申请。',
        'The company’s legal representative has changed; the agent must ask again.',
      ),
    );
  const template = await referenceFaceOf(ctx, row.grantorPersonId);
  if (!template) throw faceNotEnrolled();
  return template;
};

/** A fresh, random (or, in test runs, configured) liveness challenge for this request. */
export const issueChallenge = async (
  ctx: AppContext,
  token: string,
  userAgent: string | undefined,
): Promise<FaceChallengeView> => {
  const row = await resolveLink(ctx, ctx.db, token);
  requireAnswerable(ctx, row);
  await grantorTemplate(ctx, row);
  return issueFaceChallenge(ctx, subjectOf(row), faceCheckSettings(ctx), userAgent);
};

export type VerifyOutcome =
  | { approved: true; row: DelegationRow; ended: DelegationRow[] }
  /** The face matched but the request was answered or cancelled meanwhile. */
  | { approved: false; stale: true; row: DelegationRow }
  | {
      approved: false;
      stale?: false;
      code: FaceRefusalCode;
      attemptsLeft: number;
      lockedUntil: Date | null;
      row: DelegationRow;
    };

/**
 * The legal representative's face decides: fresh single-use challenge, exactly one face per frame,
 * the actions in order, and a match with the enrolled reference. Evidence is stored for every
 * attempt (never the frames); five failures lock the request for thirty minutes.
 */
export const verifyAndApprove = async (
  ctx: AppContext,
  token: string,
  body: FaceSubmission,
  userAgent: string | undefined,
): Promise<VerifyOutcome> => {
  const row = await resolveLink(ctx, ctx.db, token);
  requireAnswerable(ctx, row);
  const reference = await grantorTemplate(ctx, row);
  const submittedAt = ctx.now();
  const subject = subjectOf(row);
  const challenge = await consumeFaceChallenge(ctx, subject, body.challengeId, submittedAt);
  const check = await runFaceCheck(ctx, { reference, challenge, frames: body.frames, submittedAt });
  const { result, finishedAt } = check;
  const settings = delegationSettings(ctx);

  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(delegations).where(eq(delegations.id, row.id)).for('update');
    if (!current) throw new Error('delegation vanished');
    const evidence = await recordFaceAttempt(tx, subject, row.grantorPersonId, check, userAgent);

    if (result.match) {
      if (current.status !== 'pending')
        return { approved: false as const, stale: true as const, row: current };
      const { from, until } = await plannedWindow(tx, current, finishedAt);
      // A handover is audited as one event (completeHandover), not as an approval plus revocations.
      const approved = await applyTransition(
        tx,
        current,
        'approve',
        { personId: current.grantorPersonId, actingAs: 'legal-representative' },
        { decidedAt: finishedAt, validFrom: from, validUntil: until, lockedUntil: null, failedAttempts: 0 },
        { via: 'face', ...evidence },
        { audit: !current.replacesFirmId },
      );
      const ended = await completeHandover(tx, approved, finishedAt, evidence);
      await closeRequestInbox(tx, current.id, finishedAt);
      await informRequester(
        tx,
        approved,
        'delegation.approved',
        text('法定代表人已刷脸确认授权', 'The legal representative approved your authorization'),
      );
      return { approved: true as const, row: approved, ended };
    }

    const code = result.refusal ?? 'FACE_MISMATCH';
    if (code === 'TEMPLATE_MISMATCH') {
      // Not the person's fault: the reference comes from another engine. Not counted as a failure.
      await writeAudit(tx, {
        actorPersonId: null,
        actingAs: 'link-holder',
        action: 'delegation.face-failed',
        companyId: current.companyId,
        delegationId: current.id,
        detail: { code, ...evidence },
      });
      return {
        approved: false as const,
        code,
        attemptsLeft: settings.maxFailedAttempts - current.failedAttempts,
        lockedUntil: null,
        row: current,
      };
    }
    const failures = current.failedAttempts + 1;
    const lockNow = failures >= settings.maxFailedAttempts;
    const lockedUntil = lockNow ? new Date(finishedAt.getTime() + settings.lockMinutes * 60_000) : null;
    const [updated] = await tx
      .update(delegations)
      .set(lockNow ? { failedAttempts: 0, lockedUntil } : { failedAttempts: failures })
      .where(eq(delegations.id, current.id))
      .returning();
    await writeAudit(tx, {
      actorPersonId: null,
      actingAs: 'link-holder',
      action: 'delegation.face-failed',
      companyId: current.companyId,
      delegationId: current.id,
      detail: { code, failures, ...evidence },
    });
    if (lockNow)
      await writeAudit(tx, {
        actorPersonId: null,
        actingAs: 'system',
        action: 'delegation.lock',
        companyId: current.companyId,
        delegationId: current.id,
        detail: { lockedUntil: lockedUntil?.toISOString(), afterFailures: failures },
      });
    return {
      approved: false as const,
      code,
      attemptsLeft: lockNow ? 0 : settings.maxFailedAttempts - failures,
      lockedUntil,
      row: updated ?? current,
    };
  });
};

/** The refusal a failed verification answers with: the reason, and how many tries remain. */
export const refusalError = (
  code: FaceRefusalCode,
  attemptsLeft: number,
  lockedUntil: Date | null,
): DomainError => {
  if (!lockedUntil) return faceRefusal(code, attemptsLeft);
  const base = locked(lockedUntil);
  const reason = FACE_REFUSAL_TEXT[code];
  return new DomainError(
    'REQUEST_LOCKED',
    text(`${reason.zh}${base.text.zh}`, `${reason.en} ${base.text.en}`),
  );
};

/**
 * The legal representative, signed in and already assured at L4 (`requireLevel` by the caller, one
 * face check for a batch), approves one waiting request addressed to them. The request's own audit
 * row carries how it was assured. Answers the approved row, or throws the request's refusal.
 */
export const approveAsGrantor = async (
  ctx: AppContext,
  delegationId: string,
  personId: string,
  evidence: Record<string, unknown>,
): Promise<DelegationRow> => {
  const now = ctx.now();
  const [row] = await ctx.db.select().from(delegations).where(eq(delegations.id, delegationId));
  if (!row || row.grantorPersonId !== personId) throw notFound(text('授权申请', 'Authorization request'));
  if (row.status === 'pending' && row.linkExpiresAt && row.linkExpiresAt <= now) {
    await expireDue(ctx, eq(delegations.id, row.id));
    throw new DomainError(
      'LINK_EXPIRED',
      text(
        '该授权申请已过期，请让经办人重新发送。',
        'This request has expired; ask the agent to send it again.',
      ),
    );
  }
  requireAnswerable(ctx, row, { ignoreLock: true });
  await grantorTemplate(ctx, row).catch((e: unknown) => {
    // Only the "legal representative changed" refusal matters here; the face was checked already.
    if (e instanceof DomainError && e.code === 'GRANTOR_CHANGED') throw e;
  });
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(delegations).where(eq(delegations.id, row.id)).for('update');
    if (!current) throw new Error('delegation vanished');
    requireAnswerable(ctx, current, { ignoreLock: true });
    const { from, until } = await plannedWindow(tx, current, now);
    const approved = await applyTransition(
      tx,
      current,
      'approve',
      { personId, actingAs: 'legal-representative' },
      { decidedAt: now, validFrom: from, validUntil: until, lockedUntil: null, failedAttempts: 0 },
      evidence,
    );
    await closeRequestInbox(tx, current.id, now);
    await informRequester(
      tx,
      approved,
      'delegation.approved',
      text('法定代表人已刷脸确认授权', 'The legal representative approved your authorization'),
    );
    return approved;
  });
};
