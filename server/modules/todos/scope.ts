import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';

/** A company the to-do centre looks at, with what its rules read. */
export type ScopeCompany = {
  id: string;
  name: string;
  uscc: string;
  taxpayerType: 'small-scale' | 'general';
  vatPeriod: 'month' | 'quarter';
  establishedOn: string;
  /** Whether the person is its legal representative (approvals to decide, delegations granted). */
  legalRep: boolean;
};

type Row = {
  id: string;
  name: string;
  uscc: string;
  taxpayer_type: 'small-scale' | 'general';
  vat_period: 'month' | 'quarter';
  established_on: string | Date;
  legal_rep: boolean;
};

const toCompany = (r: Row): ScopeCompany => ({
  id: r.id,
  name: r.name,
  uscc: r.uscc,
  taxpayerType: r.taxpayer_type,
  vatPeriod: r.vat_period,
  establishedOn:
    typeof r.established_on === 'string' ? r.established_on : r.established_on.toISOString().slice(0, 10),
  legalRep: r.legal_rep,
});

/**
 * The companies a person acts for themselves: as legal representative, or as the grantee of an
 * active delegation (approved, not past its end, not a used single-use one). Active companies only.
 */
export const personCompanies = async (db: DbOrTx, personId: string, now: Date): Promise<ScopeCompany[]> => {
  const result = (await db.execute(sql`
    select c.id, c.name, c.uscc, c.taxpayer_type, c.vat_period, c.established_on,
           bool_or(x.legal_rep) as legal_rep
    from (
      select id as company_id, true as legal_rep from companies where legal_rep_person_id = ${personId}
      union all
      select company_id, false from delegations
      where grantee_person_id = ${personId} and status = 'approved'
        and (valid_until is null or valid_until > ${now.toISOString()}::timestamptz)
        and not (single_use and used_at is not null)
    ) x
    join companies c on c.id = x.company_id
    where c.status = 'active'
    group by c.id`)) as unknown as { rows: Row[] };
  return result.rows.map(toCompany);
};

/**
 * A firm's clients the member works on, in one statement: every client for an admin, for staff
 * the clients of the access groups they are in (the rule of `visibleClientIds` in the firms
 * module, here as a join so that a firm of 10,000 clients is one query).
 */
export const firmCompanies = async (
  db: DbOrTx,
  firmId: string,
  personId: string,
  role: 'admin' | 'staff',
): Promise<ScopeCompany[]> => {
  const groupFilter =
    role === 'admin'
      ? sql``
      : sql`and exists (
          select 1 from access_group_clients gc
          join access_group_staff gs on gs.group_id = gc.group_id
          join access_groups g on g.id = gc.group_id
          where gc.company_id = fc.company_id and gs.person_id = ${personId} and g.firm_id = ${firmId})`;
  const result = (await db.execute(sql`
    select c.id, c.name, c.uscc, c.taxpayer_type, c.vat_period, c.established_on, false as legal_rep
    from firm_clients fc
    join companies c on c.id = fc.company_id
    where fc.firm_id = ${firmId} and c.status = 'active' ${groupFilter}`)) as unknown as { rows: Row[] };
  return result.rows.map(toCompany);
};
