import { count, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, deregistrationCommitments, deregistrationObjections, persons } from '../../db/schema';
import { notFound } from '../../http/errors';
import type { DeregistrationOverview, DeregistrationView } from '../../../shared/api/deregistration';
import { COMMITMENT_TEXT, type IneligibleReason } from '../../../shared/lifecycle/deregistration';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { currentOf, gatherFacts, type CompanyRow, type DeregistrationRow } from './facts';

export const companyOf = async (db: DbOrTx, companyId: string, forUpdate = false): Promise<CompanyRow> => {
  const q = db.select().from(companies).where(eq(companies.id, companyId));
  const [c] = forUpdate ? await q.for('update') : await q;
  if (!c) throw notFound(text('企业', 'Company'));
  return c;
};

const blockedOf = (d: DeregistrationRow): IneligibleReason[] =>
  d.blockedBy ? (JSON.parse(d.blockedBy) as IneligibleReason[]) : [];

export const procedureView = async (db: DbOrTx, d: DeregistrationRow): Promise<DeregistrationView> => {
  const investors = await db
    .select({ personId: persons.id, name: persons.name, confirmedAt: deregistrationCommitments.confirmedAt })
    .from(deregistrationCommitments)
    .innerJoin(persons, eq(persons.id, deregistrationCommitments.personId))
    .where(eq(deregistrationCommitments.deregistrationId, d.id));
  const [objections] = await db
    .select({ n: count() })
    .from(deregistrationObjections)
    .where(eq(deregistrationObjections.deregistrationId, d.id));
  return {
    id: d.id,
    status: d.status,
    createdAt: d.createdAt.toISOString(),
    noticeFrom: d.noticeFrom,
    noticeUntil: d.noticeUntil,
    applyUntil: d.applyUntil,
    endedReason: d.endedReason,
    completedAt: d.completedAt?.toISOString() ?? null,
    blockedBy: blockedOf(d),
    investors: investors.map((i) => ({ ...i, confirmedAt: i.confirmedAt?.toISOString() ?? null })),
    objections: objections?.n ?? 0,
  };
};

export const overviewOf = async (
  ctx: AppContext,
  companyId: string,
  personId: string,
): Promise<DeregistrationOverview> => {
  const company = await companyOf(ctx.db, companyId);
  const { clearance, reasons } = await gatherFacts(ctx.db, company, chinaToday(ctx.now()));
  const d = await currentOf(ctx.db, companyId);
  const current = d ? await procedureView(ctx.db, d) : null;
  return {
    companyName: company.name,
    companyStatus: company.status,
    eligible: reasons.length === 0,
    reasons,
    taxClearance: clearance,
    commitmentText: COMMITMENT_TEXT,
    current,
    awaitingMyCommitment:
      current?.status === 'commitment' &&
      current.investors.some((i) => i.personId === personId && !i.confirmedAt),
  };
};
