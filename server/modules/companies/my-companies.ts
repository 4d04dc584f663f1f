import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { companies, companyRoles, delegations } from '../../db/schema';
import type { CompanyListItem, CompanyRoleKey } from '../../../shared/api/companies';

type Entry = {
  company: typeof companies.$inferSelect;
  roles: Set<CompanyRoleKey>;
  canAct: boolean;
  until: Date | null;
};

const byName = new Intl.Collator('zh-CN');

const activeDelegation = (d: typeof delegations.$inferSelect, now: Date): boolean =>
  d.status === 'approved' && (!d.validUntil || d.validUntil > now) && !(d.singleUse && d.usedAt);

/**
 * The companies a person is connected to themselves — by role, as legal representative or as a
 * delegate. Clients a person serves as firm staff are not listed here: a firm may hold thousands,
 * and they live in the firm workspace (roster, ledger, batches), which pages and filters them.
 * Access to a client's pages is decided by `authorize()` either way.
 */
export const listMyCompanies = async (
  db: DbOrTx,
  personId: string,
  now: Date,
): Promise<CompanyListItem[]> => {
  const entries = new Map<string, Entry>();
  const touch = (company: typeof companies.$inferSelect): Entry => {
    let e = entries.get(company.id);
    if (!e) {
      e = { company, roles: new Set(), canAct: false, until: null };
      entries.set(company.id, e);
    }
    return e;
  };
  const later = (a: Date | null, b: Date | null): Date | null => (a && b ? (a > b ? a : b) : (a ?? b));

  const byRole = await db
    .select({ company: companies, role: companyRoles.role })
    .from(companyRoles)
    .innerJoin(companies, eq(companies.id, companyRoles.companyId))
    .where(eq(companyRoles.personId, personId));
  for (const r of byRole) touch(r.company).roles.add(r.role);

  const asRep = await db.select().from(companies).where(eq(companies.legalRepPersonId, personId));
  for (const c of asRep) {
    const e = touch(c);
    e.roles.add('legal-representative');
    e.canAct = true;
  }

  const own = await db
    .select({ company: companies, d: delegations })
    .from(delegations)
    .innerJoin(companies, eq(companies.id, delegations.companyId))
    .where(eq(delegations.granteePersonId, personId));
  for (const { company, d } of own) {
    if (!activeDelegation(d, now)) continue;
    const e = touch(company);
    e.roles.add('delegate');
    e.canAct = true;
    e.until = later(e.until, d.validUntil);
  }

  return [...entries.values()]
    .map((e) => ({
      id: e.company.id,
      uscc: e.company.uscc,
      name: e.company.name,
      status: e.company.status,
      roles: [...e.roles],
      canAct: e.canAct,
      actingUntil: e.roles.has('legal-representative') || !e.until ? null : e.until.toISOString(),
    }))
    .sort((a, b) => byName.compare(a.name, b.name));
};
