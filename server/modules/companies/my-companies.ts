import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import {
  companies,
  companyRoles,
  delegations,
  firmMembers,
  firms,
  accessGroupClients,
  accessGroupStaff,
  accessGroups,
} from '../../db/schema';
import type { CompanyListItem, CompanyRoleKey } from '../../../shared/api/companies';

type Entry = {
  company: typeof companies.$inferSelect;
  roles: Set<CompanyRoleKey>;
  canAct: boolean;
  until: Date | null;
  firmName: string | null;
};

const activeDelegation = (d: typeof delegations.$inferSelect, now: Date): boolean =>
  d.status === 'approved' && (!d.validUntil || d.validUntil > now) && !(d.singleUse && d.usedAt);

/**
 * The companies a person is connected to — by role, as legal representative, as a delegate, or
 * as firm staff for clients in their access groups (admins: all the firm's delegated clients).
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
      e = { company, roles: new Set(), canAct: false, until: null, firmName: null };
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

  const memberships = await db.select().from(firmMembers).where(eq(firmMembers.personId, personId));
  if (memberships.length > 0) {
    const firmIds = memberships.map((m) => m.firmId);
    const adminFirms = memberships.filter((m) => m.role === 'admin').map((m) => m.firmId);
    const groupCompanies = await db
      .select({ companyId: accessGroupClients.companyId })
      .from(accessGroupStaff)
      .innerJoin(accessGroups, eq(accessGroups.id, accessGroupStaff.groupId))
      .innerJoin(accessGroupClients, eq(accessGroupClients.groupId, accessGroups.id))
      .where(and(eq(accessGroupStaff.personId, personId), inArray(accessGroups.firmId, firmIds)));
    const visible = new Set(groupCompanies.map((g) => g.companyId));
    const firmDelegations = await db
      .select({ company: companies, d: delegations, firmName: firms.name })
      .from(delegations)
      .innerJoin(companies, eq(companies.id, delegations.companyId))
      .innerJoin(firms, eq(firms.id, delegations.granteeFirmId))
      .where(inArray(delegations.granteeFirmId, firmIds));
    for (const { company, d, firmName } of firmDelegations) {
      const isAdmin = adminFirms.includes(d.granteeFirmId!);
      if (!isAdmin && !visible.has(company.id)) continue;
      if (!activeDelegation(d, now)) continue;
      const e = touch(company);
      e.roles.add('firm-staff');
      e.canAct = true;
      e.until = later(e.until, d.validUntil);
      e.firmName = firmName;
    }
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
      firmName: e.firmName,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
};
