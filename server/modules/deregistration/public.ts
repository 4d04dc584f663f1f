import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { deregistrationCommitments, persons } from '../../db/schema';
import type { PublicDeregistration } from '../../../shared/api/deregistration';
import { COMMITMENT_TEXT, phaseOn, windowsFrom } from '../../../shared/lifecycle/deregistration';
import { chinaToday } from '../../../shared/time/china';
import { currentOf } from './facts';
import { companyByUscc } from './procedure';

/** What the disclosure page shows: the notice with the commitment and the investors, once published. */
export const publicNotice = async (ctx: AppContext, uscc: string): Promise<PublicDeregistration> => {
  const company = await companyByUscc(ctx.db, uscc);
  const d = await currentOf(ctx.db, company.id);
  if (!d?.noticeFrom || !d.noticeUntil) return { notice: null };
  const investors = await ctx.db
    .select({ name: persons.name })
    .from(deregistrationCommitments)
    .innerJoin(persons, eq(persons.id, deregistrationCommitments.personId))
    .where(eq(deregistrationCommitments.deregistrationId, d.id));
  return {
    notice: {
      companyName: company.name,
      uscc: company.uscc,
      status: d.status,
      noticeFrom: d.noticeFrom,
      noticeUntil: d.noticeUntil,
      commitmentText: COMMITMENT_TEXT,
      investors: investors.map((i) => i.name),
      objectionsOpen:
        d.status === 'notice' && phaseOn(windowsFrom(d.noticeFrom), chinaToday(ctx.now())) === 'notice',
      completedAt: d.completedAt?.toISOString() ?? null,
    },
  };
};
