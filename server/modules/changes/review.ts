import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { changeApplications } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { auditActingFor, writeAudit } from '../../audit/write';
import { postInbox } from '../inbox';
import { assertClaimWindowOver } from '../../../shared/lifecycle/change-rules';
import { DomainError } from '../../../shared/domain-error';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { approveChange } from './approve';
import { proceedAfterPreemption } from './equity-notices';
import { getChange, getCompanyChange, type ChangeRow } from './store';

const wrongState = (zh: string, en: string) => new DomainError('CHANGE_WRONG_STATE', text(zh, en));

/**
 * A reviewer decides a submitted application: approve (the one transaction of approve.ts), reject,
 * or ask for a supplement (one notice listing everything missing, REG §19).
 */
export const decideChange = async (
  ctx: AppContext,
  tx: DbOrTx,
  reviewerPersonId: string,
  changeId: string,
  decision: 'approve' | 'reject' | 'supplement',
  note: string | undefined,
): Promise<{ row: ChangeRow; notify: string[] }> => {
  const row = await getChange(tx, changeId, true);
  if (row.status !== 'submitted')
    throw wrongState('该申请不在待审查状态。', 'The application is not waiting for review.');
  if (decision === 'approve') {
    const { notify } = await approveChange(ctx, tx, row, reviewerPersonId);
    return { row: await getChange(tx, row.id), notify };
  }
  if (!note)
    throw new DomainError(
      'NOTE_REQUIRED',
      text('请写明理由或需补正的全部内容。', 'Give the reason or everything to supplement.'),
      {
        field: 'note',
      },
    );
  const now = ctx.now();
  await tx
    .update(changeApplications)
    .set({
      status: decision === 'reject' ? 'rejected' : 'needs-supplement',
      decisionNote: note,
      reviewerPersonId,
      decidedAt: decision === 'reject' ? now : null,
    })
    .where(eq(changeApplications.id, row.id));
  await writeAudit(tx, {
    actorPersonId: reviewerPersonId,
    actingAs: 'reviewer',
    action: decision === 'reject' ? 'change.reject' : 'change.supplement',
    companyId: row.companyId,
    detail: { changeId: row.id, note },
  });
  await postInbox(tx, {
    personId: row.filerPersonId,
    kind: decision === 'reject' ? 'change.rejected' : 'change.supplement',
    title:
      decision === 'reject'
        ? text('变更申请未予核准', 'Change application refused')
        : text('变更申请需要补正', 'Change application needs a supplement'),
    body: text(note, note),
    link: `/companies/${row.companyId}/changes/${row.id}`,
    refId: row.id,
  });
  return { row: await getChange(tx, row.id), notify: [row.filerPersonId] };
};

/** The filer answers a supplement notice: the application goes back to the reviewer. */
export const resubmitChange = async (ctx: AppContext, tx: DbOrTx, authority: Authority, changeId: string) => {
  const row = await getCompanyChange(tx, authority.companyId, changeId, true);
  if (row.status !== 'needs-supplement')
    throw wrongState('该申请无需补正。', 'The application does not need a supplement.');
  await tx
    .update(changeApplications)
    .set({ status: 'submitted', submittedAt: ctx.now() })
    .where(eq(changeApplications.id, row.id));
  await auditActingFor(tx, authority, 'change.resubmit', { changeId: row.id }, ctx.now());
  return getChange(tx, row.id);
};

/**
 * After a transfer to an outsider, the filer goes on once the other shareholders' 30 days are over
 * (CL §84). An ordinary capital reduction applies once the 45-day claim window after its announcement is
 * over (CL §224); before that the application is refused and nothing changes.
 */
export const applyAfterClaimWindow = async (
  ctx: AppContext,
  tx: DbOrTx,
  authority: Authority,
  changeId: string,
) => {
  const row = await getCompanyChange(tx, authority.companyId, changeId, true);
  if (row.status === 'pre-emption-notice') {
    await proceedAfterPreemption(ctx, tx, row);
    await auditActingFor(tx, authority, 'change.proceed-after-preemption', { changeId: row.id }, ctx.now());
    return getChange(tx, row.id);
  }
  if (row.status !== 'claim-window' || !row.announcedOn)
    throw wrongState('该申请不在减资公告期。', 'The application is not in a reduction notice period.');
  assertClaimWindowOver(row.announcedOn, chinaToday(ctx.now()));
  await tx
    .update(changeApplications)
    .set({ status: 'awaiting-confirmations' })
    .where(eq(changeApplications.id, row.id));
  await auditActingFor(tx, authority, 'change.apply-after-notice', { changeId: row.id }, ctx.now());
  return getChange(tx, row.id);
};
