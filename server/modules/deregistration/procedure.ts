import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { Authority } from '../../auth/authorize';
import { auditActingFor, writeAudit } from '../../audit/write';
import {
  companies,
  deregistrationCommitments,
  deregistrationFlags,
  deregistrationObjections,
  deregistrations,
} from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import type { ObjectionBody } from '../../../shared/api/deregistration';
import { phaseOn, windowsFrom, type IneligibleReason } from '../../../shared/lifecycle/deregistration';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { notFound } from '../../http/errors';
import type { DbOrTx } from '../../db/types';
import { assertFreshFaceCheck } from '../seals';
import { completeDeregistration } from './complete';
import { currentOf, gatherFacts, investorsOf, isActive, type DeregistrationRow } from './facts';
import { companyOf } from './views';

const ineligible = (reasons: IneligibleReason[]): DomainError =>
  new DomainError(
    'DEREGISTRATION_INELIGIBLE',
    text(
      `不符合简易注销条件：${reasons.map((r) => r.text.zh).join('；')}`,
      `Not eligible for simplified deregistration: ${reasons.map((r) => r.text.en).join('; ')}`,
    ),
  );

const notLegalRep = (): DomainError =>
  new DomainError(
    'NOT_LEGAL_REPRESENTATIVE',
    text(
      '只有法定代表人可以申请简易注销。',
      'Only the legal representative may apply for simplified deregistration.',
    ),
  );

const state = (zh: string, en: string): DomainError => new DomainError('DEREGISTRATION_STATE', text(zh, en));

/** Starts the procedure: eligible now (every reason listed if not), one at a time, the investors asked. */
export const startDeregistration = async (
  ctx: AppContext,
  db: DbOrTx,
  authority: Authority,
): Promise<void> => {
  const today = chinaToday(ctx.now());
  await db.transaction(async (tx) => {
    const company = await companyOf(tx, authority.companyId, true);
    if (company.legalRepPersonId !== authority.personId) throw notLegalRep();
    const { reasons } = await gatherFacts(tx, company, today);
    if (reasons.length) throw ineligible(reasons);
    if (isActive(await currentOf(tx, company.id)))
      throw state('简易注销已在办理中。', 'A simplified deregistration is already under way.');
    const [d] = await tx
      .insert(deregistrations)
      .values({
        companyId: company.id,
        status: 'commitment',
        startedByPersonId: authority.personId,
        createdAt: ctx.now(),
      })
      .returning();
    for (const inv of await investorsOf(tx, company))
      await tx.insert(deregistrationCommitments).values({ deregistrationId: d!.id, personId: inv.personId });
    await auditActingFor(tx, authority, 'deregistration.start', { deregistrationId: d!.id }, ctx.now());
  });
};

/** An investor confirms the commitment by face; when the last one has, the 20-day notice starts today. */
export const commitAsInvestor = async (
  ctx: AppContext,
  db: DbOrTx,
  authority: Authority,
  faceCheckId: string,
): Promise<void> => {
  const now = ctx.now();
  await db.transaction(async (tx) => {
    const d = await currentOf(tx, authority.companyId, true);
    if (!d || d.status !== 'commitment')
      throw state(
        '当前没有等待投资人承诺的简易注销。',
        'No simplified deregistration is waiting for commitments.',
      );
    const [mine] = await tx
      .select()
      .from(deregistrationCommitments)
      .where(
        and(
          eq(deregistrationCommitments.deregistrationId, d.id),
          eq(deregistrationCommitments.personId, authority.personId),
        ),
      );
    if (!mine)
      throw new DomainError(
        'NOT_AN_INVESTOR',
        text('您不是该企业的投资人。', 'You are not an investor of this company.'),
      );
    if (mine.confirmedAt) throw state('您已确认承诺。', 'You have already confirmed the commitment.');
    await assertFreshFaceCheck(tx, ctx, authority.personId, faceCheckId, 'deregistration.commit');
    await tx
      .update(deregistrationCommitments)
      .set({ confirmedAt: now, faceAttemptId: faceCheckId })
      .where(
        and(
          eq(deregistrationCommitments.deregistrationId, d.id),
          eq(deregistrationCommitments.personId, authority.personId),
        ),
      );
    const waiting = await tx
      .select()
      .from(deregistrationCommitments)
      .where(
        and(
          eq(deregistrationCommitments.deregistrationId, d.id),
          isNull(deregistrationCommitments.confirmedAt),
        ),
      );
    if (waiting.length === 0) {
      const w = windowsFrom(chinaToday(now));
      await tx
        .update(deregistrations)
        .set({
          status: 'notice',
          noticeFrom: w.noticeFrom,
          noticeUntil: w.noticeUntil,
          applyUntil: w.applyUntil,
        })
        .where(eq(deregistrations.id, d.id));
    }
    await auditActingFor(
      tx,
      authority,
      'deregistration.commit',
      { deregistrationId: d.id, faceCheckId, last: waiting.length === 0 },
      now,
    );
  });
};

/**
 * After the notice: complete when still eligible and tax is cleared, else wait in the application
 * window listing what blocks it; a lapsed window ends the procedure. Runs for one procedure, locked.
 */
const advance = async (
  ctx: AppContext,
  db: DbOrTx,
  companyId: string,
  actorPersonId: string | null,
): Promise<DeregistrationRow | undefined> => {
  const today = chinaToday(ctx.now());
  return db.transaction(async (tx) => {
    const company = await companyOf(tx, companyId, true);
    const d = await currentOf(tx, companyId, true);
    if (!d || (d.status !== 'notice' && d.status !== 'apply-window') || !d.noticeFrom) return d;
    const phase = phaseOn(windowsFrom(d.noticeFrom), today);
    if (phase === 'notice') return d;
    if (phase === 'lapsed') {
      await tx
        .update(deregistrations)
        .set({ status: 'ended', endedReason: 'lapsed', endedAt: ctx.now() })
        .where(eq(deregistrations.id, d.id));
      await writeAudit(tx, {
        actorPersonId: null,
        actingAs: 'system',
        action: 'deregistration.lapsed',
        companyId,
        detail: { deregistrationId: d.id },
      });
      return { ...d, status: 'ended' as const };
    }
    const { reasons } = await gatherFacts(tx, company, today);
    if (reasons.length) {
      const blockedBy = JSON.stringify(reasons);
      await tx
        .update(deregistrations)
        .set({ status: 'apply-window', blockedBy })
        .where(eq(deregistrations.id, d.id));
      return { ...d, status: 'apply-window' as const, blockedBy };
    }
    await completeDeregistration(tx, ctx, company, d, actorPersonId);
    return { ...d, status: 'deregistered' as const };
  });
};

/** The legal representative applies in the application window (after clearing what blocked it). */
export const applyNow = async (ctx: AppContext, db: DbOrTx, authority: Authority): Promise<void> => {
  const company = await companyOf(db, authority.companyId);
  if (company.legalRepPersonId !== authority.personId) throw notLegalRep();
  const before = await currentOf(db, company.id);
  if (!before || (before.status !== 'notice' && before.status !== 'apply-window'))
    throw state('没有可以提交的简易注销。', 'There is no simplified deregistration to apply for.');
  if (before.noticeFrom && phaseOn(windowsFrom(before.noticeFrom), chinaToday(ctx.now())) === 'notice')
    throw state(
      `公示期至 ${before.noticeUntil} 结束后方可申请。`,
      `Apply after the notice ends on ${before.noticeUntil}.`,
    );
  const after = await advance(ctx, db, company.id, authority.personId);
  if (after?.status === 'apply-window') {
    throw ineligible(JSON.parse(after.blockedBy ?? '[]') as IneligibleReason[]);
  }
  if (after?.status === 'ended')
    throw state('申请期已过，需重新办理。', 'The application window has lapsed; start again.');
};

/** The scheduled step (server/jobs): every procedure whose notice has ended moves on. */
export const sweepDeregistrations = async (ctx: AppContext): Promise<number> => {
  const due = await ctx.db
    .select({ companyId: deregistrations.companyId })
    .from(deregistrations)
    .where(inArray(deregistrations.status, ['notice', 'apply-window']));
  let done = 0;
  for (const d of due)
    if ((await advance(ctx, ctx.db, d.companyId, null))?.status === 'deregistered') done += 1;
  return done;
};

/** An objection on the disclosure page during the notice ends the procedure (§4.3). */
export const fileObjection = async (ctx: AppContext, uscc: string, body: ObjectionBody): Promise<void> => {
  const today = chinaToday(ctx.now());
  const db = ctx.db;
  await db.transaction(async (tx) => {
    const company = await companyByUscc(tx, uscc);
    const d = await currentOf(tx, company.id, true);
    if (
      !d ||
      d.status !== 'notice' ||
      !d.noticeFrom ||
      phaseOn(windowsFrom(d.noticeFrom), today) !== 'notice'
    )
      throw state(
        '该企业当前不在简易注销公示期内。',
        'The company is not in a simplified-deregistration notice period.',
      );
    await tx.insert(deregistrationObjections).values({
      deregistrationId: d.id,
      name: body.name,
      contactEnc: ctx.cipher.encrypt(body.contact),
      reason: body.reason,
      createdAt: ctx.now(),
    });
    await tx
      .update(deregistrations)
      .set({ status: 'ended', endedReason: 'objection', endedAt: ctx.now() })
      .where(eq(deregistrations.id, d.id));
    await writeAudit(tx, {
      actorPersonId: null,
      actingAs: 'public',
      action: 'deregistration.objection',
      companyId: company.id,
      detail: { deregistrationId: d.id },
    });
    await ctx.bus.publish(
      company.legalRepPersonId,
      { type: 'deregistration.objection', data: { companyId: company.id } },
      tx,
    );
  });
};

export const companyByUscc = async (db: Parameters<typeof companyOf>[0], uscc: string) => {
  const [c] = await db.select().from(companies).where(eq(companies.uscc, uscc));
  if (!c) throw notFound(text('企业', 'Company'));
  return c;
};

export const flagCompany = async (ctx: AppContext, reviewerId: string, companyId: string, reason: string) => {
  await companyOf(ctx.db, companyId);
  return ctx.db.transaction(async (tx) => {
    const [f] = await tx
      .insert(deregistrationFlags)
      .values({ companyId, reason, setByPersonId: reviewerId, setAt: ctx.now() })
      .returning();
    await writeAudit(tx, {
      actorPersonId: reviewerId,
      actingAs: 'reviewer',
      action: 'deregistration.flag',
      companyId,
      detail: { reason },
    });
    return { id: f!.id, reason: f!.reason, setAt: f!.setAt.toISOString() };
  });
};
