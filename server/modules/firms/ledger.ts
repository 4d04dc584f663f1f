import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { chinaToday } from '../../../shared/time/china';
import { daysUntil } from '../../../shared/firms/client-state';
import type { FirmRole, Ledger, LedgerRow } from '../../../shared/api/firms';
import { firmNotFound } from './access';

const HOUR_MS = 3_600_000;

type Row = {
  role: FirmRole | null;
  id: string | null;
  company_id: string;
  status: LedgerRow['status'];
  scopes: string;
  valid_from: string | null;
  valid_until: string | null;
  link_expires_at: string | null;
  created_at: string;
  company_name: string;
  uscc: string;
  grantor_name: string;
  requester_name: string;
  auto_resends: number | null;
};

/** An instant as epoch ms text (both drivers give the same string; ms as drizzle's Date keeps). */
const ms = (column: SQL): SQL => sql`floor(extract(epoch from ${column}) * 1000)::bigint::text`;
const instant = (v: string | null): Date | null => (v === null ? null : new Date(Number(v)));

/**
 * Every authorization the firm holds or asked for, with countdowns, what needs attention first.
 * One statement (issue 13): the membership check, the staff member's access groups and the rows,
 * with only the columns shown. A non-member gets FIRM_NOT_FOUND, as `requireFirmMember` answers.
 */
export const buildLedger = async (ctx: AppContext, firmId: string, personId: string): Promise<Ledger> => {
  const now = ctx.now();
  const result = (await ctx.db.execute(sql`
    select m.role, d.id, d.company_id, d.status, d.scopes::text as scopes,
      ${ms(sql`d.valid_from`)} as valid_from, ${ms(sql`d.valid_until`)} as valid_until,
      ${ms(sql`d.link_expires_at`)} as link_expires_at, ${ms(sql`d.created_at`)} as created_at,
      c.name as company_name, c.uscc, gp.name as grantor_name, rp.name as requester_name,
      r.count as auto_resends
    from (select 1) one
    left join firm_members m on m.firm_id = ${firmId} and m.person_id = ${personId}
    left join delegations d on m.role is not null and d.grantee_firm_id = m.firm_id
      and (m.role = 'admin' or d.company_id in (select gcl.company_id from access_group_staff gs
        join access_groups g on g.id = gs.group_id
        join access_group_clients gcl on gcl.group_id = g.id
        where gs.person_id = ${personId} and g.firm_id = m.firm_id))
    left join companies c on c.id = d.company_id
    left join persons gp on gp.id = d.grantor_person_id
    left join persons rp on rp.id = d.requested_by_person_id
    left join firm_request_resends r on r.delegation_id = d.id
    order by d.created_at desc`)) as unknown as { rows: Row[] };
  if (!result.rows[0]?.role) throw firmNotFound();
  const rows = result.rows.filter((r) => r.id !== null);
  // Staff see only their groups' clients, so a pending renewal of a client is visible with it.
  const pendingFor = new Set(rows.filter((r) => r.status === 'pending').map((r) => r.company_id));
  const out: LedgerRow[] = [];
  for (const r of rows) {
    const validUntil = instant(r.valid_until);
    const linkExpiresAt = instant(r.link_expires_at);
    const lapsed = r.status === 'approved' && validUntil !== null && validUntil <= now;
    out.push({
      delegationId: r.id!,
      companyId: r.company_id,
      companyName: r.company_name,
      uscc: r.uscc,
      grantorName: r.grantor_name,
      status: r.status,
      lapsed,
      scopes: JSON.parse(r.scopes) as string[],
      validFrom: instant(r.valid_from)?.toISOString() ?? null,
      validUntil: validUntil?.toISOString() ?? null,
      daysLeft: r.status === 'approved' && validUntil ? daysUntil(validUntil, now) : null,
      linkExpiresAt: r.status === 'pending' ? (linkExpiresAt?.toISOString() ?? null) : null,
      linkHoursLeft:
        r.status === 'pending' && linkExpiresAt
          ? Math.max(0, Math.floor((linkExpiresAt.getTime() - now.getTime()) / HOUR_MS))
          : null,
      autoResends: r.auto_resends === null ? 0 : Number(r.auto_resends),
      renewalPending: r.status === 'approved' && pendingFor.has(r.company_id),
      requestedBy: r.requester_name,
      createdAt: new Date(Number(r.created_at)).toISOString(),
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
