import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../context';
import { companies, delegations, firmRequestResends, persons } from '../../db/schema';
import { chinaToday } from '../../../shared/time/china';
import { daysUntil } from '../../../shared/firms/client-state';
import type { Ledger, LedgerRow } from '../../../shared/api/firms';
import { visibleClientIds, type FirmMembership } from './access';

const grantor = alias(persons, 'grantor');
const requester = alias(persons, 'requester');
const HOUR_MS = 3_600_000;

/** Every authorization the firm holds or asked for, with countdowns, what needs attention first. */
export const buildLedger = async (ctx: AppContext, m: FirmMembership): Promise<Ledger> => {
  const now = ctx.now();
  const visible = await visibleClientIds(ctx.db, m);
  const rows = await ctx.db
    .select({
      d: delegations,
      companyName: companies.name,
      uscc: companies.uscc,
      grantorName: grantor.name,
      requesterName: requester.name,
      autoResends: firmRequestResends.count,
    })
    .from(delegations)
    .innerJoin(companies, eq(companies.id, delegations.companyId))
    .innerJoin(grantor, eq(grantor.id, delegations.grantorPersonId))
    .innerJoin(requester, eq(requester.id, delegations.requestedByPersonId))
    .leftJoin(firmRequestResends, eq(firmRequestResends.delegationId, delegations.id))
    .where(eq(delegations.granteeFirmId, m.firmId))
    .orderBy(desc(delegations.createdAt));
  const pendingFor = new Set(rows.filter((r) => r.d.status === 'pending').map((r) => r.d.companyId));
  const out: LedgerRow[] = [];
  for (const { d, companyName, uscc, grantorName, requesterName, autoResends } of rows) {
    if (visible && !visible.has(d.companyId)) continue;
    const lapsed = d.status === 'approved' && d.validUntil !== null && d.validUntil <= now;
    out.push({
      delegationId: d.id,
      companyId: d.companyId,
      companyName,
      uscc,
      grantorName,
      status: d.status,
      lapsed,
      scopes: d.scopes,
      validFrom: d.validFrom?.toISOString() ?? null,
      validUntil: d.validUntil?.toISOString() ?? null,
      daysLeft: d.status === 'approved' && d.validUntil ? daysUntil(d.validUntil, now) : null,
      linkExpiresAt: d.status === 'pending' ? (d.linkExpiresAt?.toISOString() ?? null) : null,
      linkHoursLeft:
        d.status === 'pending' && d.linkExpiresAt
          ? Math.max(0, Math.floor((d.linkExpiresAt.getTime() - now.getTime()) / HOUR_MS))
          : null,
      autoResends: autoResends ?? 0,
      renewalPending: d.status === 'approved' && pendingFor.has(d.companyId),
      requestedBy: requesterName,
      createdAt: d.createdAt.toISOString(),
    });
  }
  // What needs attention first: waiting requests (link lapsing soonest), then authorizations in
  // force by days left, then the history, newest first.
  const rank = (r: LedgerRow): number =>
    r.status === 'pending' ? 0 : r.status === 'approved' && !r.lapsed ? 1 : 2;
  out.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0 ? (a.linkHoursLeft ?? 0) - (b.linkHoursLeft ?? 0) : 0) ||
      (rank(a) === 1 ? (a.daysLeft ?? 0) - (b.daysLeft ?? 0) : 0) ||
      b.createdAt.localeCompare(a.createdAt),
  );
  return { today: chinaToday(now), rows: out };
};
