import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { changeApplications } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { approveChange } from './approve';
import { getChange, type ChangeRow } from './store';

/**
 * Everyone has confirmed: the application is submitted. 秒批 items are approved at once in the
 * same transaction; the others wait in the reviewer queue (decided within 3 working days, REG §19).
 */
export const submitChange = async (
  ctx: AppContext,
  tx: DbOrTx,
  row: ChangeRow,
): Promise<{ row: ChangeRow; notify: string[] }> => {
  const now = ctx.now();
  await tx
    .update(changeApplications)
    .set({ status: 'submitted', submittedAt: now })
    .where(eq(changeApplications.id, row.id));
  await writeAudit(tx, {
    actorPersonId: null,
    actingAs: 'system',
    action: 'change.submit',
    companyId: row.companyId,
    detail: { changeId: row.id, route: row.route },
  });
  if (row.route !== 'automatic') return { row: await getChange(tx, row.id), notify: [row.filerPersonId] };
  const approved = await approveChange(ctx, tx, { ...row, submittedAt: now }, null);
  return { row: await getChange(tx, row.id), notify: approved.notify };
};
