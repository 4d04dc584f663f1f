import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { changeApplications } from '../../db/schema';
import type { DisclosedChange, ReductionNotice } from '../../../shared/api/changes';
import { changeItemRule, UNDISCLOSED_ITEMS } from '../../../shared/lifecycle/change-items';
import { type z } from 'zod';

type Disclosed = z.infer<typeof DisclosedChange>;
type Notice = z.infer<typeof ReductionNotice>;

/** The public change history (§1.13, §1.15): every approved change with its items before and after. */
export const disclosedChanges = async (db: DbOrTx, companyId: string): Promise<Disclosed[]> => {
  const rows = await db
    .select({ approvedOn: changeApplications.approvedOn, diff: changeApplications.diff })
    .from(changeApplications)
    .where(and(eq(changeApplications.companyId, companyId), eq(changeApplications.status, 'approved')))
    .orderBy(desc(changeApplications.decidedAt));
  return rows.flatMap((r) => {
    const items = r.diff
      .filter((d) => !UNDISCLOSED_ITEMS.includes(d.item))
      .map((d) => ({ ...d, label: changeItemRule(d.item).label }));
    return items.length > 0 ? [{ approvedOn: r.approvedOn ?? '', items }] : [];
  });
};

/** Capital-reduction announcements (CL §224, §225), with the creditors' claim window, while they matter. */
export const reductionNotices = async (db: DbOrTx, companyId: string): Promise<Notice[]> => {
  const rows = await db
    .select()
    .from(changeApplications)
    .where(and(eq(changeApplications.companyId, companyId), isNotNull(changeApplications.announcedOn)))
    .orderBy(desc(changeApplications.createdAt));
  return rows.flatMap((r) => {
    const capital = r.diff.find((d) => d.item === 'capital');
    if (!capital || !r.announcedOn) return [];
    return [
      {
        announcedOn: r.announcedOn,
        from: capital.before,
        to: capital.after,
        coverLosses: r.reductionCoverLosses ?? false,
        claimWindowEndsOn: r.claimWindowEndsOn,
      },
    ];
  });
};
