import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { changeApplications, equityNotices } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { notFound } from '../../http/errors';
import { postInbox } from '../inbox';
import { DomainError } from '../../../shared/domain-error';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { getChange, type ChangeRow } from './store';

/**
 * The other shareholders' answers to a transfer to an outsider (CL §84 ¶2): each waives or claims
 * pre-emption within 30 days of the notice; silence until then waives it. A claim ends the
 * application (the transferor and the claimant agree the purchase, and a new application follows);
 * once everyone has waived — or the 30 days are over — the application goes on.
 */

export type EquityNoticeRow = typeof equityNotices.$inferSelect;

/** Where the application goes once pre-emption is settled: a reduction's claim window, else signatures. */
const nextStatus = (row: ChangeRow) =>
  row.reductionCoverLosses === false ? ('claim-window' as const) : ('awaiting-confirmations' as const);

export const noticesOf = (db: DbOrTx, applicationId: string) =>
  db
    .select()
    .from(equityNotices)
    .where(eq(equityNotices.applicationId, applicationId))
    .orderBy(asc(equityNotices.shareholderName));

export const answerEquityNotice = async (
  ctx: AppContext,
  tx: DbOrTx,
  personId: string,
  noticeId: string,
  answer: 'waive' | 'claim',
): Promise<{ row: ChangeRow; notify: string[] }> => {
  const [notice] = await tx.select().from(equityNotices).where(eq(equityNotices.id, noticeId)).for('update');
  // Someone else's notice is "not found", as if it did not exist.
  if (!notice || notice.personId !== personId) throw notFound(text('股权转让通知', 'Equity transfer notice'));
  const row = await getChange(tx, notice.applicationId, true);
  if (notice.answer !== null)
    throw new DomainError(
      'NOTICE_ALREADY_ANSWERED',
      text('您已答复过该通知。', 'You have already answered this notice.'),
    );
  if (row.status !== 'pre-emption-notice')
    throw new DomainError(
      'CHANGE_WRONG_STATE',
      text(
        '该申请已不在优先购买权通知期。',
        'The application is no longer in its pre-emption notice period.',
      ),
    );
  const now = ctx.now();
  const today = chinaToday(now);
  if (today > notice.windowEndsOn)
    throw new DomainError(
      'PREEMPTION_WINDOW_OVER',
      text(
        `答复期限已于 ${notice.windowEndsOn} 届满，逾期未答复视为放弃优先购买权（《公司法》第八十四条）。`,
        `The answer period ended on ${notice.windowEndsOn}; not answering waived the pre-emption right (CL §84).`,
      ),
    );
  await tx
    .update(equityNotices)
    .set({ answer: answer === 'waive' ? 'waived' : 'claimed', answeredAt: now })
    .where(eq(equityNotices.id, notice.id));
  await writeAudit(tx, {
    actorPersonId: personId,
    actingAs: 'shareholder',
    action: answer === 'waive' ? 'change.preemption-waived' : 'change.preemption-claimed',
    companyId: row.companyId,
    detail: { changeId: row.id, noticeId: notice.id },
  });
  if (answer === 'claim') {
    const note = `股东 ${notice.shareholderName} 主张优先购买权（《公司法》第八十四条），本次对外转让不能按申请办理；请与其协商购买事宜后重新申请。`;
    await tx
      .update(changeApplications)
      .set({ status: 'rejected', decisionNote: note, decidedAt: now })
      .where(eq(changeApplications.id, row.id));
    await postInbox(tx, {
      personId: row.filerPersonId,
      kind: 'change.preemption-claimed',
      title: text('股东主张优先购买权', 'A shareholder claims pre-emption'),
      body: text(
        note,
        `${notice.shareholderName} claims the pre-emption right (CL §84); the transfer to the outsider cannot go ahead as filed. Agree the purchase and file again.`,
      ),
      link: `/companies/${row.companyId}/changes/${row.id}`,
      refId: row.id,
    });
    return { row: await getChange(tx, row.id), notify: [row.filerPersonId, personId] };
  }
  const open = await tx
    .select({ id: equityNotices.id })
    .from(equityNotices)
    .where(and(eq(equityNotices.applicationId, row.id), isNull(equityNotices.answer)));
  if (open.length === 0) await settle(tx, row, 'all-waived');
  return { row: await getChange(tx, row.id), notify: [row.filerPersonId, personId] };
};

const settle = async (tx: DbOrTx, row: ChangeRow, why: 'all-waived' | 'window-over') => {
  await tx
    .update(changeApplications)
    .set({ status: nextStatus(row) })
    .where(eq(changeApplications.id, row.id));
  await writeAudit(tx, {
    actorPersonId: null,
    actingAs: 'system',
    action: 'change.preemption-settled',
    companyId: row.companyId,
    detail: { changeId: row.id, why },
  });
};

/**
 * The filer goes on after the 30 days (CL §84 ¶2): unanswered notices count as waivers. Before the
 * window ends the application waits (PREEMPTION_WINDOW_OPEN) and nothing changes.
 */
export const proceedAfterPreemption = async (ctx: AppContext, tx: DbOrTx, row: ChangeRow): Promise<void> => {
  const notices = await noticesOf(tx, row.id);
  const ends = notices[0]?.windowEndsOn;
  if (!ends) throw new Error('pre-emption notice period without notices');
  if (chinaToday(ctx.now()) <= ends)
    throw new DomainError(
      'PREEMPTION_WINDOW_OPEN',
      text(
        `其他股东的答复期至 ${ends} 届满；届满前须全部股东书面放弃方可继续（《公司法》第八十四条）。`,
        `The other shareholders may answer until ${ends}; before then every one of them must waive (CL §84).`,
      ),
    );
  await tx
    .update(equityNotices)
    .set({ answer: 'deemed-waived', answeredAt: ctx.now() })
    .where(and(eq(equityNotices.applicationId, row.id), isNull(equityNotices.answer)));
  await settle(tx, row, 'window-over');
};
