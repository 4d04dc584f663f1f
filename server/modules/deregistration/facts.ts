import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import {
  abnormalListEntries,
  type companies,
  companyRoles,
  deregistrationFlags,
  deregistrations,
  licenceApplications,
  persons,
} from '../../db/schema';
import { seriousListDate } from '../../../shared/lifecycle/abnormal-list';
import {
  deregistrationBlockers,
  taxClearance,
  type DeregistrationFacts,
  type IneligibleReason,
  type TaxClearance,
} from '../../../shared/lifecycle/deregistration';
import { taxClearanceFacts } from '../tax';

export type CompanyRow = typeof companies.$inferSelect;
export type DeregistrationRow = typeof deregistrations.$inferSelect;

/** Everything the eligibility check (§4.2) and tax clearance (§4.5) look at, gathered now. */
export const gatherFacts = async (
  db: DbOrTx,
  company: CompanyRow,
  today: string,
): Promise<{ facts: DeregistrationFacts; clearance: TaxClearance; reasons: IneligibleReason[] }> => {
  const entries = await db
    .select()
    .from(abnormalListEntries)
    .where(and(eq(abnormalListEntries.companyId, company.id), isNull(abnormalListEntries.removedOn)));
  const tax = await taxClearanceFacts(db, company.id, today);
  const open = await db
    .select({ code: licenceApplications.serviceCode })
    .from(licenceApplications)
    .where(
      and(
        eq(licenceApplications.companyId, company.id),
        inArray(licenceApplications.status, ['submitted', 'accepted']),
      ),
    );
  const flags = await db
    .select({ reason: deregistrationFlags.reason })
    .from(deregistrationFlags)
    .where(and(eq(deregistrationFlags.companyId, company.id), isNull(deregistrationFlags.clearedAt)));
  const facts: DeregistrationFacts = {
    deregistered: company.status === 'deregistered',
    onAbnormalList: entries.length > 0,
    onSeriousList: entries.some((e) => seriousListDate(e.listedOn) <= today),
    // Corporate shareholdings are not recorded on the platform yet (shareholders are persons).
    heldInvestments: [],
    unfiledTaxPeriods: tax.unfiledTaxPeriods,
    unpaidTax: tax.unpaidTax,
    invoicesOnFile: tax.invoicesOnFile,
    openApplications: open.map((o) => `免证办申请 ${o.code}`),
    reviewerFlags: flags.map((f) => f.reason),
  };
  return { facts, clearance: taxClearance({ ...tax }), reasons: deregistrationBlockers(facts) };
};

/** The investors who must commit: the shareholders on record, or the legal representative of a company without any. */
export const investorsOf = async (
  db: DbOrTx,
  company: CompanyRow,
): Promise<{ personId: string; name: string }[]> => {
  const rows = await db
    .selectDistinct({ personId: persons.id, name: persons.name })
    .from(companyRoles)
    .innerJoin(persons, eq(persons.id, companyRoles.personId))
    .where(and(eq(companyRoles.companyId, company.id), eq(companyRoles.role, 'shareholder')));
  if (rows.length) return rows;
  const [rep] = await db
    .select({ personId: persons.id, name: persons.name })
    .from(persons)
    .where(eq(persons.id, company.legalRepPersonId));
  return rep ? [rep] : [];
};

/** The latest procedure of the company, if any. */
export const currentOf = async (db: DbOrTx, companyId: string, forUpdate = false) => {
  const q = db
    .select()
    .from(deregistrations)
    .where(eq(deregistrations.companyId, companyId))
    .orderBy(desc(deregistrations.createdAt))
    .limit(1);
  return (forUpdate ? await q.for('update') : await q)[0];
};

export const isActive = (d: DeregistrationRow | undefined): boolean =>
  !!d && (d.status === 'commitment' || d.status === 'notice' || d.status === 'apply-window');
