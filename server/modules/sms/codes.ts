import { randomInt } from 'node:crypto';
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { smsCodes } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { smsGatewayFor } from './port';

/** The rules of one-time codes (domain/identity.md): 6 digits, 5 minutes, single use, bound to phone + purpose. */
export const SMS_RULES = {
  ttlSeconds: 300,
  maxWrongTries: 5,
  perPhonePerDay: 10,
  resendSeconds: 60,
} as const;

export type SmsSubject = { purpose: string; subjectId: string };

const codeHash = (ctx: AppContext, s: SmsSubject, code: string): string =>
  ctx.cipher.lookupHash(`sms:${s.purpose}:${s.subjectId}:${code}`);

/** Sends a fresh code to `phone` for the subject; refuses a resend within a minute or beyond the daily cap. */
export const sendSmsCode = async (
  ctx: AppContext,
  subject: SmsSubject,
  phone: string,
): Promise<{ expiresAt: Date; resendAfter: Date }> => {
  const now = ctx.now();
  const phoneHash = ctx.cipher.lookupHash(phone);
  const [last] = await ctx.db
    .select({ createdAt: smsCodes.createdAt })
    .from(smsCodes)
    .where(eq(smsCodes.phoneHash, phoneHash))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  if (last && now.getTime() - last.createdAt.getTime() < SMS_RULES.resendSeconds * 1000)
    throw new DomainError(
      'SMS_RESEND_TOO_SOON',
      text(
        '验证码已发送，请 60 秒后再重新获取。',
        'A code was just sent; you can ask again after 60 seconds.',
      ),
      { field: 'phone' },
    );
  const [today] = await ctx.db
    .select({ n: count() })
    .from(smsCodes)
    .where(
      and(eq(smsCodes.phoneHash, phoneHash), gt(smsCodes.createdAt, new Date(now.getTime() - 86_400_000))),
    );
  if ((today?.n ?? 0) >= SMS_RULES.perPhonePerDay)
    throw new DomainError(
      'SMS_DAILY_LIMIT',
      text(
        '该手机号今日获取验证码次数已达上限（10 次）。',
        'This phone has had 10 codes today; try again tomorrow.',
      ),
      { field: 'phone' },
    );
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + SMS_RULES.ttlSeconds * 1000);
  await ctx.db
    .insert(smsCodes)
    .values({ ...subject, phoneHash, codeHash: codeHash(ctx, subject, code), createdAt: now, expiresAt });
  await smsGatewayFor(ctx).send({
    phone,
    text: `【商通】验证码 ${code}，5 分钟内有效，仅用于本次实名注册，请勿告诉他人。Shangtong code ${code} (5 min).`,
  });
  return { expiresAt, resendAfter: new Date(now.getTime() + SMS_RULES.resendSeconds * 1000) };
};

/** Its HTTP status is the code's, in STATUS_OF_CODE (server/http/errors.ts). */
const refuse = (code: string, zh: string, en: string): DomainError =>
  new DomainError(code, text(zh, en), { field: 'code' });

/**
 * Checks and consumes the latest code for the subject. The code must have gone to `phone`; a used,
 * expired or over-tried code is refused; a wrong guess counts against the code.
 */
export const consumeSmsCode = async (
  ctx: AppContext,
  subject: SmsSubject,
  phone: string,
  code: string,
): Promise<void> => {
  const now = ctx.now();
  const [latest] = await ctx.db
    .select()
    .from(smsCodes)
    .where(and(eq(smsCodes.purpose, subject.purpose), eq(smsCodes.subjectId, subject.subjectId)))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  if (!latest) throw refuse('SMS_CODE_UNKNOWN', '请先获取验证码。', 'Ask for a code first.');
  if (latest.phoneHash !== ctx.cipher.lookupHash(phone))
    throw refuse(
      'SMS_CODE_OTHER_PHONE',
      '验证码不是发送到这个手机号的。',
      'This code was not sent to this phone number.',
    );
  if (latest.usedAt)
    throw refuse(
      'SMS_CODE_USED',
      '验证码已使用过，请重新获取。',
      'This code was already used; ask for a new one.',
    );
  if (latest.expiresAt <= now)
    throw refuse(
      'SMS_CODE_EXPIRED',
      '验证码已过期（5 分钟内有效），请重新获取。',
      'The code expired (valid 5 minutes); ask for a new one.',
    );
  if (latest.wrongTries >= SMS_RULES.maxWrongTries)
    throw refuse(
      'SMS_CODE_LOCKED',
      '验证码错误次数过多，请重新获取。',
      'Too many wrong codes; ask for a new one.',
    );
  if (latest.codeHash !== codeHash(ctx, subject, code)) {
    await ctx.db
      .update(smsCodes)
      .set({ wrongTries: latest.wrongTries + 1 })
      .where(eq(smsCodes.id, latest.id));
    const left = SMS_RULES.maxWrongTries - latest.wrongTries - 1;
    throw refuse(
      'SMS_CODE_WRONG',
      `验证码不正确，还可尝试 ${left} 次。`,
      `Wrong code; ${left} attempt(s) left.`,
    );
  }
  const [taken] = await ctx.db
    .update(smsCodes)
    .set({ usedAt: now })
    .where(and(eq(smsCodes.id, latest.id), isNull(smsCodes.usedAt)))
    .returning({ id: smsCodes.id });
  if (!taken)
    throw refuse(
      'SMS_CODE_USED',
      '验证码已使用过，请重新获取。',
      'This code was already used; ask for a new one.',
    );
};
