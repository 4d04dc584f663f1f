import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import type { CompanyListItem, CompanyRoleKey } from '../../../shared/api/companies';

type Entry = {
  id: string;
  uscc: string;
  name: string;
  status: CompanyListItem['status'];
  roles: Set<CompanyRoleKey>;
  canAct: boolean;
  /** Latest end of an active delegation, ms since the epoch; null when none has an end. */
  until: number | null;
};

type Row = {
  id: string;
  uscc: string;
  name: string;
  status: CompanyListItem['status'];
  role: CompanyRoleKey;
  /** valid_until of an active delegation, ms since the epoch as text; null otherwise. */
  until: string | null;
};

const byName = new Intl.Collator('zh-CN');

/**
 * The companies a person is connected to themselves — by role, as legal representative or as a
 * delegate. Clients a person serves as firm staff are not listed here: a firm may hold thousands,
 * and they live in the firm workspace (roster, ledger, batches), which pages and filters them.
 * Access to a client's pages is decided by `authorize()` either way.
 *
 * One statement with only the columns the list shows (the page opens with it; issue 13). Active
 * delegation = approved, not past valid_until, and not a used single-use one.
 */
export const listMyCompanies = async (
  db: DbOrTx,
  personId: string,
  now: Date,
): Promise<CompanyListItem[]> => {
  const result = (await db.execute(sql`
    select c.id, c.uscc, c.name, c.status, x.role, x.until
    from (
      select 1 as k, company_id, role, null::text as until from company_roles where person_id = ${personId}
      union all
      select 2, id, 'legal-representative', null from companies where legal_rep_person_id = ${personId}
      union all
      select 3, company_id, 'delegate', (extract(epoch from valid_until) * 1000)::bigint::text
      from delegations
      where grantee_person_id = ${personId} and status = 'approved'
        and (valid_until is null or valid_until > ${now.toISOString()}::timestamptz)
        and not (single_use and used_at is not null)
    ) x
    join companies c on c.id = x.company_id
    order by x.k`)) as unknown as { rows: Row[] };

  const entries = new Map<string, Entry>();
  for (const r of result.rows) {
    let e = entries.get(r.id);
    if (!e) {
      e = {
        id: r.id,
        uscc: r.uscc,
        name: r.name,
        status: r.status,
        roles: new Set(),
        canAct: false,
        until: null,
      };
      entries.set(r.id, e);
    }
    e.roles.add(r.role);
    if (r.role === 'legal-representative') e.canAct = true;
    if (r.role === 'delegate') {
      e.canAct = true;
      if (r.until !== null) e.until = Math.max(e.until ?? 0, Number(r.until));
    }
  }

  return [...entries.values()]
    .map((e) => ({
      id: e.id,
      uscc: e.uscc,
      name: e.name,
      status: e.status,
      roles: [...e.roles],
      canAct: e.canAct,
      actingUntil:
        e.roles.has('legal-representative') || e.until === null ? null : new Date(e.until).toISOString(),
    }))
    .sort((a, b) => byName.compare(a.name, b.name));
};
