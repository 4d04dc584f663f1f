import { and, count, eq, gt } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { accounts, faceConsents, persons, preferences, sessions, signUps } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { hashPassword } from '../../security/passwords';
import { hashToken, newToken } from '../../security/tokens';
import { validateResidentId } from '../../../shared/identifiers/resident-id';
import { identifierErrorMessage } from '../../../shared/identifiers/messages';
import { maskPhone, maskResidentId } from '../../../shared/masking';
import { text, type Lang } from '../../../shared/text';
import type { FaceChallengeView } from '../../../shared/api/face';
import {
  FACE_NOTICE_VERSION,
  type SignUpCompleteRequest,
  type SignUpPhoneRequest,
  type SignUpStartRequest,
  type SignUpStarted,
} from '../../../shared/api/sign-up';
import { identityAuthorityFor } from '../identity-authority';
import { consumeSmsCode, sendSmsCode } from '../sms';
import {
  consumeFaceChallenge,
  faceCheckSettings,
  faceRefusal,
  issueFaceChallenge,
  runFaceCheck,
  type FaceSubject,
} from '../face-checks';
import { findPersonByPhone, findPersonByResidentId, insertPerson } from '../identity';
import { AUTHORITY_REFUSALS, refuseSignUp } from './refusals';

/** A sign-up must finish within 30 minutes; 3 failed face checks end it; 5 started per ID a day. */
export const SIGN_UP_RULES = { minutes: 30, maxFaceFailures: 3, perIdPerDay: 5 } as const;

type SignUpRow = typeof signUps.$inferSelect;
const smsSubject = (id: string) => ({ purpose: 'sign-up', subjectId: id });
const faceSubject = (id: string): FaceSubject => ({ purpose: 'sign-up', subjectId: id });

const accountExists = (): DomainError =>
  new DomainError(
    'ACCOUNT_EXISTS',
    text('该身份证号已注册，请直接登录。', 'An account already exists for this ID number; please sign in.'),
    { field: 'residentId' },
  );
const phoneTaken = (): DomainError =>
  new DomainError(
    'PHONE_TAKEN',
    text('该手机号已被其他人使用。', 'This phone number belongs to someone else.'),
    { field: 'phone' },
  );

/** Step 1: the authority must know the ID, under this name, as valid. Nothing is created on refusal. */
export const startSignUp = async (ctx: AppContext, body: SignUpStartRequest): Promise<SignUpStarted> => {
  const verdict = validateResidentId(body.residentId, 'normalized');
  if (!verdict.valid)
    throw new DomainError('INVALID_RESIDENT_ID', identifierErrorMessage('resident-id', verdict.errors[0]!), {
      field: 'residentId',
    });
  const residentId = verdict.normalized;
  const masked = maskResidentId(residentId);
  const refuse = (e: DomainError) => refuseSignUp(ctx, e, { step: 'start', residentIdMasked: masked });
  const now = ctx.now();
  const idHash = ctx.cipher.lookupHash(residentId);
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(signUps)
    .where(
      and(eq(signUps.residentIdHash, idHash), gt(signUps.createdAt, new Date(now.getTime() - 86_400_000))),
    );
  if ((recent?.n ?? 0) >= SIGN_UP_RULES.perIdPerDay)
    throw await refuse(
      new DomainError(
        'SIGN_UP_TOO_MANY',
        text(
          '该身份证号今日注册尝试次数过多，请明天再试。',
          'Too many sign-up attempts for this ID today; try tomorrow.',
        ),
        { field: 'residentId' },
      ),
    );
  const answer = await identityAuthorityFor(ctx).verifyName(residentId, body.name);
  if (!answer.ok) {
    const r = AUTHORITY_REFUSALS[answer.reason];
    throw await refuse(new DomainError(r.code, r.t, { field: r.field }));
  }
  const existing = await findPersonByResidentId(ctx.db, ctx.cipher, residentId);
  if (existing) {
    const [acc] = await ctx.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.personId, existing.id));
    if (acc) throw await refuse(accountExists());
  }
  const byPhone = await findPersonByPhone(ctx.db, ctx.cipher, body.phone);
  if (byPhone && byPhone.id !== existing?.id) throw await refuse(phoneTaken());

  const expiresAt = new Date(now.getTime() + SIGN_UP_RULES.minutes * 60_000);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(signUps)
      .values({
        residentIdHash: idHash,
        residentIdEnc: ctx.cipher.encrypt(residentId),
        name: body.name,
        phoneEnc: ctx.cipher.encrypt(body.phone),
        phoneHash: ctx.cipher.lookupHash(body.phone),
        createdAt: now,
        expiresAt,
      })
      .returning();
    // The separate consent (PIPL art. 29) is recorded before any face is processed.
    await tx
      .insert(faceConsents)
      .values({ residentIdHash: idHash, noticeVersion: FACE_NOTICE_VERSION, givenAt: now });
    await writeAudit(tx, {
      actorPersonId: existing?.id ?? null,
      actingAs: 'applicant',
      action: 'auth.sign-up-started',
      detail: { signUpId: created!.id, residentIdMasked: masked, faceConsent: FACE_NOTICE_VERSION },
    });
    return created!;
  });
  const sent = await sendSmsCode(ctx, smsSubject(row.id), body.phone);
  return {
    signUpId: row.id,
    phoneMasked: maskPhone(body.phone),
    codeExpiresAt: sent.expiresAt.toISOString(),
    resendAfter: sent.resendAfter.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
};

/** The sign-up, if it is still open (unfinished, unexpired, not locked by face failures). */
const openSignUp = async (
  ctx: AppContext,
  id: string,
  step: 'phone' | 'face' | 'complete',
): Promise<SignUpRow> => {
  const [row] = await ctx.db.select().from(signUps).where(eq(signUps.id, id));
  const fail = (code: string, zh: string, en: string) =>
    refuseSignUp(ctx, new DomainError(code, text(zh, en)), { step, signUpId: id });
  if (!row)
    throw await fail(
      'SIGN_UP_UNKNOWN',
      '注册流程不存在，请重新开始。',
      'This sign-up is unknown; start again.',
    );
  if (row.completedAt)
    throw await fail('SIGN_UP_DONE', '该注册已完成，请直接登录。', 'This sign-up is finished; sign in.');
  if (row.expiresAt <= ctx.now())
    throw await fail(
      'SIGN_UP_EXPIRED',
      '注册已超时（30 分钟），请重新开始。',
      'The sign-up timed out (30 minutes); start again.',
    );
  if (row.failedFaceAttempts >= SIGN_UP_RULES.maxFaceFailures)
    throw await fail(
      'SIGN_UP_LOCKED',
      '人脸核验失败次数过多，本次注册已终止。可重新开始，或携带身份证到窗口办理。',
      'Too many failed face checks; this sign-up is closed. Start again, or verify in person at a counter.',
    );
  return row;
};

export const resendSignUpCode = async (ctx: AppContext, id: string): Promise<SignUpStarted> => {
  const row = await openSignUp(ctx, id, 'phone');
  const phone = ctx.cipher.decrypt(row.phoneEnc);
  const sent = await sendSmsCode(ctx, smsSubject(row.id), phone);
  return {
    signUpId: row.id,
    phoneMasked: maskPhone(phone),
    codeExpiresAt: sent.expiresAt.toISOString(),
    resendAfter: sent.resendAfter.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
};

/** Step 2: the code sent to the phone given at step 1, typed back with that phone. */
export const verifySignUpPhone = async (
  ctx: AppContext,
  id: string,
  body: SignUpPhoneRequest,
): Promise<void> => {
  const row = await openSignUp(ctx, id, 'phone');
  try {
    await consumeSmsCode(ctx, smsSubject(row.id), body.phone, body.code);
  } catch (e) {
    if (e instanceof DomainError) throw await refuseSignUp(ctx, e, { step: 'phone', signUpId: id });
    throw e;
  }
  await ctx.db.update(signUps).set({ phoneVerifiedAt: ctx.now() }).where(eq(signUps.id, row.id));
};

const phoneFirst = (): DomainError =>
  new DomainError('SIGN_UP_PHONE_FIRST', text('请先完成短信验证。', 'Verify the phone by SMS code first.'));

/** Step 3a: a liveness challenge, once the phone is proven and the authority holds a portrait. */
export const issueSignUpChallenge = async (
  ctx: AppContext,
  id: string,
  userAgent: string | undefined,
): Promise<FaceChallengeView> => {
  const row = await openSignUp(ctx, id, 'face');
  if (!row.phoneVerifiedAt) throw await refuseSignUp(ctx, phoneFirst(), { step: 'face', signUpId: id });
  const portrait = await identityAuthorityFor(ctx).portraitTemplate(ctx.cipher.decrypt(row.residentIdEnc));
  if (!portrait)
    throw await refuseSignUp(
      ctx,
      new DomainError(
        'AUTHORITY_NO_PORTRAIT',
        text(
          '身份信息库中没有您的证件照，无法刷脸核验，请携带身份证到窗口办理。',
          'The identity authority holds no portrait of you; verify in person at a counter with your ID card.',
        ),
      ),
      { step: 'face', signUpId: id },
    );
  return issueFaceChallenge(ctx, faceSubject(row.id), faceCheckSettings(ctx), userAgent);
};

/**
 * Step 3b: the live face against the authority's portrait. Only a match creates the account (or
 * attaches it to the existing person with this ID, e.g. someone named in a registration). A
 * failure is audited with its scores and counts towards closing the sign-up.
 */
export const completeSignUp = async (
  ctx: AppContext,
  id: string,
  body: SignUpCompleteRequest,
  meta: { userAgent: string | undefined; lang: Lang },
): Promise<{ token: string; expiresAt: Date; accountId: string }> => {
  const row = await openSignUp(ctx, id, 'complete');
  if (!row.phoneVerifiedAt) throw await refuseSignUp(ctx, phoneFirst(), { step: 'complete', signUpId: id });
  const residentId = ctx.cipher.decrypt(row.residentIdEnc);
  const masked = maskResidentId(residentId);
  const portrait = await identityAuthorityFor(ctx).portraitTemplate(residentId);
  const submittedAt = ctx.now();
  let challenge;
  try {
    challenge = await consumeFaceChallenge(ctx, faceSubject(row.id), body.challengeId, submittedAt);
  } catch (e) {
    if (e instanceof DomainError)
      throw await refuseSignUp(ctx, e, { step: 'face', signUpId: id, residentIdMasked: masked });
    throw e;
  }
  if (!portrait) throw new Error('portrait vanished after the challenge was issued');
  const { password, ...submission } = body;
  const check = await runFaceCheck(ctx, {
    reference: portrait,
    challenge,
    frames: submission.frames,
    submittedAt,
  });
  const evidence = {
    similarity: check.result.similarity,
    threshold: check.result.threshold,
    liveness: check.result.liveness.observed,
    engine: check.result.engine,
    challengeId: challenge.id,
  };
  if (!check.result.match) {
    const code = check.result.refusal ?? 'FACE_MISMATCH';
    const [updated] = await ctx.db
      .update(signUps)
      .set({ failedFaceAttempts: row.failedFaceAttempts + 1 })
      .where(eq(signUps.id, row.id))
      .returning({ failed: signUps.failedFaceAttempts });
    const left = Math.max(0, SIGN_UP_RULES.maxFaceFailures - (updated?.failed ?? row.failedFaceAttempts + 1));
    throw await refuseSignUp(ctx, faceRefusal(code, left), {
      step: 'face',
      signUpId: id,
      residentIdMasked: masked,
      ...evidence,
    });
  }

  const passwordHash = await hashPassword(password);
  const token = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  const phone = ctx.cipher.decrypt(row.phoneEnc);
  try {
    const accountId = await ctx.db.transaction(async (tx) => {
      const [current] = await tx.select().from(signUps).where(eq(signUps.id, row.id)).for('update');
      if (!current || current.completedAt) throw accountExists();
      const existing = await findPersonByResidentId(tx, ctx.cipher, residentId);
      if (existing) {
        const [acc] = await tx
          .select({ id: accounts.id })
          .from(accounts)
          .where(eq(accounts.personId, existing.id));
        if (acc) throw accountExists();
      }
      const byPhone = await findPersonByPhone(tx, ctx.cipher, phone);
      if (byPhone && byPhone.id !== existing?.id) throw phoneTaken();
      let personId: string;
      if (existing) {
        // A person named before (in a registration, as a client's legal representative): attached
        // only now, after the authority, the face and the phone all proved it is them.
        personId = existing.id;
        await tx
          .update(persons)
          .set({
            name: row.name,
            phoneEnc: ctx.cipher.encrypt(phone),
            phoneHash: ctx.cipher.lookupHash(phone),
            phoneMasked: maskPhone(phone),
            authorityVerifiedAt: now,
          })
          .where(eq(persons.id, existing.id));
      } else {
        personId = await insertPerson(tx, ctx.cipher, { name: row.name, residentId, phone });
        await tx.update(persons).set({ authorityVerifiedAt: now }).where(eq(persons.id, personId));
      }
      const [acc] = await tx
        .insert(accounts)
        .values({ personId, passwordHash })
        .returning({ id: accounts.id });
      await tx.insert(preferences).values({ accountId: acc!.id, lang: meta.lang });
      await tx.insert(sessions).values({
        accountId: acc!.id,
        tokenHash: hashToken(token),
        expiresAt,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        assurance: 'sms',
        faceVerifiedAt: now,
      });
      await tx.update(signUps).set({ completedAt: now }).where(eq(signUps.id, row.id));
      await writeAudit(tx, {
        actorPersonId: personId,
        actingAs: 'self',
        action: 'auth.sign-up',
        detail: {
          signUpId: row.id,
          attached: existing !== undefined,
          via: 'authority+sms+face',
          ...evidence,
        },
      });
      return acc!.id;
    });
    return { token, expiresAt, accountId };
  } catch (e) {
    if (e instanceof DomainError)
      throw await refuseSignUp(ctx, e, { step: 'complete', signUpId: id, residentIdMasked: masked });
    throw e;
  }
};
