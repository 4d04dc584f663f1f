import { and, eq, inArray, isNotNull, max } from 'drizzle-orm';
import type { AppContext } from '../../context';
import {
  accessGroupClients,
  accessGroups,
  auditLog,
  companies,
  delegations,
  deregistrations,
  firmClients,
} from '../../db/schema';
import { filingDeadline, latestEndedPeriod, periodEnd, periodKey } from '../../../shared/api/tax-period';
import { chinaToday } from '../../../shared/time/china';
import { addDays } from '../../../shared/calendar/iso-date';
import { companyObligations, type Obligation } from '../../../shared/calendar';
import {
  clientDelegationState,
  LICENCE_HORIZON_DAYS,
  type FilingState,
  type FirmDelegationFacts,
} from '../../../shared/firms/client-state';
import { encodeRosterRow } from '../../../shared/firms/roster';
import { annualReportDueFor } from '../annual-reports';
import type { TaxPeriod } from '../../../shared/tax/period';
import type { Roster } from '../../../shared/api/firms';
import { visibleClientIds, type FirmMembership } from './access';
import { licencesEnding, returnStates, salesInPeriod, type ReturnState } from './tax-facts';

const obligationKey = (o: Obligation): string =>
  o.period.type === 'year' ? String(o.period.year) : periodKey(o.period);

type Profile = {
  taxpayerType: 'small-scale' | 'general';
  vatPeriod: 'month' | 'quarter';
  establishedOn: string;
};

/**
 * The filing calendar per company, memoized: a company's establishment date only matters while it
 * is recent, so thousands of long-established clients share a handful of computations.
 */
const obligationsCache = (today: string) => {
  const cutoff = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const cache = new Map<string, Obligation[]>();
  return (p: Profile): Obligation[] => {
    const established = p.establishedOn < cutoff ? '1990-01-01' : p.establishedOn;
    const key = `${p.taxpayerType}|${p.vatPeriod}|${established}`;
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = companyObligations({ ...p, establishedOn: established }, today)));
    return hit;
  };
};

const filingState = (
  state: ReturnState | undefined,
  period: TaxPeriod,
  established: string,
  today: string,
  due: string,
): FilingState => {
  if (established > periodEnd(period)) return 'na';
  if (state === 'accepted') return 'filed';
  if (state === 'submitted') return 'submitted';
  if (state === 'draft') return 'draft';
  return due < today ? 'overdue' : 'due';
};

/**
 * The client roster for a member: every client for an admin, their groups' clients for staff.
 * A dozen set-based queries whatever the number of clients, then one pass in memory.
 */
export const buildRoster = async (ctx: AppContext, m: FirmMembership): Promise<Roster> => {
  const db = ctx.db;
  const now = ctx.now();
  const today = chinaToday(now);
  const scope = { firmId: m.firmId };
  const month = latestEndedPeriod('month', today);
  const quarter = latestEndedPeriod('quarter', today);
  const due = { month: filingDeadline(month).date, quarter: filingDeadline(quarter).date };
  const obligations = obligationsCache(today);

  const visible = await visibleClientIds(db, m);
  const clients = (
    await db
      .select({
        id: companies.id,
        uscc: companies.uscc,
        name: companies.name,
        contact: firmClients.contact,
        taxpayerType: companies.taxpayerType,
        vatPeriod: companies.vatPeriod,
        establishedOn: companies.establishedOn,
        status: companies.status,
      })
      .from(firmClients)
      .innerJoin(companies, eq(companies.id, firmClients.companyId))
      .where(eq(firmClients.firmId, m.firmId))
      .orderBy(companies.name)
  ).filter((c) => !visible || visible.has(c.id));

  const groups = await db
    .select({ id: accessGroups.id, name: accessGroups.name })
    .from(accessGroups)
    .where(eq(accessGroups.firmId, m.firmId))
    .orderBy(accessGroups.createdAt);
  const groupIndex = new Map(groups.map((g, i) => [g.id, i]));
  const groupOf = new Map<string, number[]>();
  const memberships = await db
    .select({ groupId: accessGroupClients.groupId, companyId: accessGroupClients.companyId })
    .from(accessGroupClients)
    .innerJoin(accessGroups, eq(accessGroups.id, accessGroupClients.groupId))
    .where(eq(accessGroups.firmId, m.firmId));
  for (const g of memberships) {
    const list = groupOf.get(g.companyId) ?? [];
    list.push(groupIndex.get(g.groupId) ?? -1);
    groupOf.set(g.companyId, list);
  }

  const delegationsOf = new Map<string, FirmDelegationFacts[]>();
  const dRows = await db
    .select({
      companyId: delegations.companyId,
      status: delegations.status,
      validUntil: delegations.validUntil,
      singleUse: delegations.singleUse,
      usedAt: delegations.usedAt,
      createdAt: delegations.createdAt,
    })
    .from(delegations)
    .where(eq(delegations.granteeFirmId, m.firmId));
  for (const d of dRows) {
    const list = delegationsOf.get(d.companyId) ?? [];
    list.push(d);
    delegationsOf.set(d.companyId, list);
  }

  const sampleKeys = new Set([periodKey(month), periodKey(quarter)]);
  for (const p of [
    { taxpayerType: 'small-scale' as const, vatPeriod: 'quarter' as const, establishedOn: '1990-01-01' },
    { taxpayerType: 'general' as const, vatPeriod: 'month' as const, establishedOn: '1990-01-01' },
  ])
    for (const o of obligations(p)) sampleKeys.add(obligationKey(o));
  const states = await returnStates(db, scope, [...sampleKeys]);
  const [salesMonth, salesQuarter] = [
    await salesInPeriod(db, scope, month),
    await salesInPeriod(db, scope, quarter),
  ];
  const ending = await licencesEnding(db, scope, today, addDays(today, LICENCE_HORIZON_DAYS));
  const activity = await db
    .select({ companyId: auditLog.companyId, at: max(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.firmId, m.firmId), isNotNull(auditLog.companyId)))
    .groupBy(auditLog.companyId);
  const lastActivity = new Map(activity.map((a) => [a.companyId ?? '', a.at]));
  const annual = await annualReportDueFor(db, clients, today);
  // Clients in a public simplified-deregistration procedure (the notice or the application window after it).
  const deregistering = new Set(
    (
      await db
        .select({ companyId: deregistrations.companyId })
        .from(deregistrations)
        .innerJoin(firmClients, eq(firmClients.companyId, deregistrations.companyId))
        .where(
          and(eq(firmClients.firmId, m.firmId), inArray(deregistrations.status, ['notice', 'apply-window'])),
        )
    ).map((d) => d.companyId),
  );

  const rows = clients.map((c) => {
    const d = clientDelegationState(delegationsOf.get(c.id) ?? [], now);
    const s = states.get(c.id);
    const vatPeriod = c.vatPeriod === 'month' ? month : quarter;
    const vatDue = c.vatPeriod === 'month' ? due.month : due.quarter;
    const next = obligations(c).find((o) => {
      const st = s?.get(`${o.tax}:${obligationKey(o)}`);
      return st !== 'accepted' && st !== 'submitted';
    });
    const activityAt = lastActivity.get(c.id);
    return encodeRosterRow({
      companyId: c.id,
      uscc: c.uscc,
      name: c.name,
      groups: groupOf.get(c.id) ?? [],
      contact: c.contact,
      delegation: d.state,
      validUntil: d.validUntil ? d.validUntil.toISOString() : null,
      daysLeft: d.daysLeft,
      vat: filingState(s?.get(`vat:${periodKey(vatPeriod)}`), vatPeriod, c.establishedOn, today, vatDue),
      cit: filingState(
        s?.get(`cit-prepay:${periodKey(quarter)}`),
        quarter,
        c.establishedOn,
        today,
        due.quarter,
      ),
      nextDeadline: next?.dueDate ?? null,
      nextTax: next?.tax ?? null,
      licencesExpiring: ending.get(c.id) ?? 0,
      lastActivity: activityAt ? activityAt.toISOString() : null,
      vatPeriod: c.vatPeriod,
      noSales: !(c.vatPeriod === 'month' ? salesMonth : salesQuarter).has(c.id),
      renewalPending: d.renewalPending,
      annualDaysLeft: annual.get(c.id)?.daysLeft ?? null,
      annualOverdue: (annual.get(c.id)?.overdueYears.length ?? 0) > 0,
      lifecycle:
        c.status === 'deregistered' ? 'deregistered' : deregistering.has(c.id) ? 'deregistering' : 'active',
    });
  });
  return {
    today,
    periods: { month: periodKey(month), quarter: periodKey(quarter), cit: periodKey(quarter) },
    groups,
    rows,
  };
};
