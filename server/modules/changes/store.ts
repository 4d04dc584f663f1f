import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { changeApplications, changeConfirmations } from '../../db/schema';
import { notFound } from '../../http/errors';
import { ChangeProposal } from '../../../shared/api/changes';
import { text } from '../../../shared/text';

export type ChangeRow = typeof changeApplications.$inferSelect;
export type ChangeConfirmationRow = typeof changeConfirmations.$inferSelect;

/** Statuses of an application still in progress: a company has at most one. */
export const OPEN_STATUSES = [
  'pre-emption-notice',
  'claim-window',
  'awaiting-confirmations',
  'submitted',
  'needs-supplement',
] as const;

export const sealProposal = (ctx: AppContext, p: ChangeProposal): string =>
  ctx.cipher.encrypt(JSON.stringify(p));
export const readProposal = (ctx: AppContext, row: ChangeRow): ChangeProposal =>
  ChangeProposal.parse(JSON.parse(ctx.cipher.decrypt(row.proposalEnc)));

export const getChange = async (db: DbOrTx, id: string, forUpdate = false): Promise<ChangeRow> => {
  const q = db.select().from(changeApplications).where(eq(changeApplications.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound(text('变更申请', 'Change application'));
  return row;
};

/** The company's application, refusing one of another company (404, as if it did not exist). */
export const getCompanyChange = async (db: DbOrTx, companyId: string, id: string, forUpdate = false) => {
  const row = await getChange(db, id, forUpdate);
  if (row.companyId !== companyId) throw notFound(text('变更申请', 'Change application'));
  return row;
};

export const openChangeOf = async (db: DbOrTx, companyId: string): Promise<ChangeRow | undefined> => {
  const [row] = await db
    .select()
    .from(changeApplications)
    .where(
      and(
        eq(changeApplications.companyId, companyId),
        inArray(changeApplications.status, [...OPEN_STATUSES]),
      ),
    )
    .limit(1);
  return row;
};

export const confirmationsOf = (db: DbOrTx, applicationId: string) =>
  db.select().from(changeConfirmations).where(eq(changeConfirmations.applicationId, applicationId));
