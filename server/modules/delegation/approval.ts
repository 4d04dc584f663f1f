import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import {
  companies,
  delegationFaceAttempts,
  delegationFaceChallenges,
  delegations,
  persons,
} from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { HttpError } from '../../http/errors';
import { createChallenge } from '../../face/liveness';
import { FaceTemplate, type FaceRefusalCode, type FaceVerificationResult } from '../../face/verifier';
import type {
  ApprovalView,
  ChallengeAction,
  FaceChallengeView,
  FaceSubmission,
} from '../../../shared/api/delegation';
import { renewalStart, validityFromColumns, validUntil } from '../../../shared/delegation/validity';
import { text, type LocalizedText } from '../../../shared/text';
import { applyTransition, closeRequestInbox, informRequester } from './lifecycle';
import { locked, requireAnswerable, resolveLink } from './link';
import { faceVerifierFor } from './face-port';
import { delegationSettings } from './settings';
import type { DelegationRow } from './views';

const templateOf = (raw: unknown): FaceTemplate | undefined => {
  const parsed = FaceTemplate.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};

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
    faceEnrolled: templateOf(grantor.faceTemplate) !== undefined,
  };
};

const grantorTemplate = async (ctx: AppContext, row: DelegationRow): Promise<FaceTemplate> => {
  const [found] = await ctx.db
    .select({ template: persons.faceTemplate, legalRep: companies.legalRepPersonId })
    .from(persons)
    .innerJoin(companies, eq(companies.id, row.companyId))
    .where(eq(persons.id, row.grantorPersonId));
  if (!found || found.legalRep !== row.grantorPersonId)
    throw new HttpError(
      409,
      'GRANTOR_CHANGED',
      text(
        '该企业的法定代表人已变更，请经办人重新申请。',
        'The company’s legal representative has changed; the agent must ask again.',
      ),
    );
  const template = templateOf(found.template);
  if (!template)
    throw new HttpError(
      409,
      'FACE_NOT_ENROLLED',
      text(
        '您尚未登记人脸照片，无法刷脸确认。请先在商通完成实名人脸登记。',
        'No reference face is enrolled for you; enrol your face in Shangtong first.',
      ),
    );
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
  const settings = delegationSettings(ctx);
  const actions: ChallengeAction[] = settings.fixedChallenge ?? createChallenge().actions;
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + settings.challengeSeconds * 1000);
  const [challenge] = await ctx.db
    .insert(delegationFaceChallenges)
    .values({
      delegationId: row.id,
      actions,
      createdAt: now,
      expiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: delegationFaceChallenges.id });
  if (!challenge) throw new Error('insert returned nothing');
  return { challengeId: challenge.id, actions, expiresAt: expiresAt.toISOString() };
};

const refusalText: Record<FaceRefusalCode, { status: number; t: LocalizedText }> = {
  NOT_AN_IMAGE: {
    status: 422,
    t: text('提交的画面不是有效的图片。', 'A submitted frame is not a valid image.'),
  },
  NO_FACE: {
    status: 422,
    t: text(
      '画面中没有检测到人脸，请正对镜头、光线充足。',
      'No face was found; face the camera in good light.',
    ),
  },
  MULTIPLE_FACES: {
    status: 422,
    t: text(
      '画面中出现了不止一张人脸，请确保只有您本人。',
      'More than one face is in view; make sure only you are in the picture.',
    ),
  },
  TOO_FEW_FRAMES: {
    status: 422,
    t: text('采集的画面太少，请重新开始。', 'Too few frames were captured; start again.'),
  },
  TOO_MANY_FRAMES: {
    status: 422,
    t: text('采集的画面太多，请重新开始。', 'Too many frames were submitted; start again.'),
  },
  LIVENESS_FAILED: {
    status: 422,
    t: text(
      '未能确认您按提示完成了动作，请按提示重新做一遍。',
      'We could not confirm the requested movements; follow the prompts and try again.',
    ),
  },
  FACE_MISMATCH: {
    status: 403,
    t: text(
      '人脸与法定代表人登记的照片不一致。',
      'The face does not match the legal representative’s enrolled photo.',
    ),
  },
  TEMPLATE_MISMATCH: {
    status: 409,
    t: text(
      '登记的人脸需要重新采集，请先更新人脸登记。',
      'The enrolled face must be re-enrolled before it can be compared.',
    ),
  },
};

export type VerifyOutcome =
  | { approved: true; row: DelegationRow }
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

const consumeChallenge = async (ctx: AppContext, row: DelegationRow, challengeId: string, now: Date) => {
  const [challenge] = await ctx.db
    .select()
    .from(delegationFaceChallenges)
    .where(
      and(eq(delegationFaceChallenges.id, challengeId), eq(delegationFaceChallenges.delegationId, row.id)),
    );
  if (!challenge)
    throw new HttpError(
      404,
      'CHALLENGE_UNKNOWN',
      text('核验动作已失效，请重新开始。', 'This face check is unknown; start again.'),
      'challengeId',
    );
  const replayed = (): HttpError =>
    new HttpError(
      409,
      'CHALLENGE_USED',
      text(
        '这次核验已经提交过，不能重复提交，请重新开始。',
        'This face check was already submitted and cannot be submitted again; start again.',
      ),
      'challengeId',
    );
  if (challenge.usedAt) throw replayed();
  // Consumed before anything else, in its own statement: two racing submissions cannot both pass.
  const [taken] = await ctx.db
    .update(delegationFaceChallenges)
    .set({ usedAt: now })
    .where(and(eq(delegationFaceChallenges.id, challenge.id), isNull(delegationFaceChallenges.usedAt)))
    .returning({ id: delegationFaceChallenges.id });
  if (!taken) throw replayed();
  if (challenge.expiresAt <= now)
    throw new HttpError(
      410,
      'CHALLENGE_EXPIRED',
      text(
        '核验动作已超时（2 分钟内完成），请重新开始。',
        'The face check timed out (it must be done within 2 minutes); start again.',
      ),
      'challengeId',
    );
  return challenge;
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
  const challenge = await consumeChallenge(ctx, row, body.challengeId, submittedAt);

  const verifier = await faceVerifierFor(ctx);
  const frameCount = body.frames.length;
  const frames = body.frames.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
  const actions = challenge.actions.filter(
    (a): a is ChallengeAction => a === 'blink' || a === 'turn-left' || a === 'turn-right',
  );
  let result: FaceVerificationResult;
  try {
    result = await verifier.verify({ reference, frames, challenge: { actions } });
  } finally {
    // The frames are evidence only through their scores: drop the pixels now.
    frames.length = 0;
    body.frames.length = 0;
  }
  const finishedAt = ctx.now();
  const settings = delegationSettings(ctx);

  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(delegations).where(eq(delegations.id, row.id)).for('update');
    if (!current) throw new Error('delegation vanished');
    const [attempt] = await tx
      .insert(delegationFaceAttempts)
      .values({
        delegationId: row.id,
        challengeId: challenge.id,
        personId: row.grantorPersonId,
        challengeActions: challenge.actions,
        challengeIssuedAt: challenge.createdAt,
        submittedAt,
        finishedAt,
        outcome: result.match ? 'match' : (result.refusal ?? 'FACE_MISMATCH'),
        match: result.match,
        similarity: result.similarity,
        minFrameSimilarity: result.minFrameSimilarity,
        threshold: result.threshold,
        liveness: result.liveness,
        facesPerFrame: result.facesPerFrame,
        frameCount,
        engine: result.engine,
        durationMs: Math.round(result.durationMs),
        userAgent: userAgent?.slice(0, 300) ?? null,
      })
      .returning({ id: delegationFaceAttempts.id });
    const evidence = {
      attemptId: attempt?.id,
      similarity: result.similarity,
      threshold: result.threshold,
      liveness: result.liveness.observed,
    };

    if (result.match) {
      if (current.status !== 'pending')
        return { approved: false as const, stale: true as const, row: current };
      const { from, until } = await plannedWindow(tx, current, finishedAt);
      const approved = await applyTransition(
        tx,
        current,
        'approve',
        { personId: current.grantorPersonId, actingAs: 'legal-representative' },
        { decidedAt: finishedAt, validFrom: from, validUntil: until, lockedUntil: null, failedAttempts: 0 },
        { via: 'face', ...evidence },
      );
      await closeRequestInbox(tx, current.id, finishedAt);
      await informRequester(
        tx,
        approved,
        'delegation.approved',
        text('法定代表人已刷脸确认授权', 'The legal representative approved your authorization'),
      );
      return { approved: true as const, row: approved };
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
): HttpError => {
  if (lockedUntil) {
    const base = locked(lockedUntil);
    const reason = refusalText[code].t;
    return new HttpError(
      423,
      'REQUEST_LOCKED',
      text(`${reason.zh}${base.text.zh}`, `${reason.en} ${base.text.en}`),
    );
  }
  const { status, t } = refusalText[code];
  const left =
    code === 'TEMPLATE_MISMATCH'
      ? text('', '')
      : text(`还可尝试 ${attemptsLeft} 次。`, ` ${attemptsLeft} attempt(s) left.`);
  const apiCode =
    code === 'TEMPLATE_MISMATCH'
      ? 'FACE_TEMPLATE_OUTDATED'
      : code === 'FACE_MISMATCH'
        ? 'FACE_MISMATCH'
        : `FACE_${code}`;
  return new HttpError(status, apiCode, text(`${t.zh}${left.zh}`, `${t.en}${left.en}`));
};
