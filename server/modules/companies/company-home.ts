import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import type { Authority } from '../../auth/authorize';
import { requireGuard } from '../../auth/authority-cache';
import type { CompanyDetail, CompanyRoleKey } from '../../../shared/api/companies';

type Row = {
  authorized: string;
  id: string;
  uscc: string;
  name: string;
  type: CompanyDetail['type'];
  status: CompanyDetail['status'];
  registered_capital: string;
  division_code: string;
  address: string;
  business_scope: string;
  established_on: string;
  registration_authority: string;
  taxpayer_type: CompanyDetail['taxpayerType'];
  vat_period: CompanyDetail['vatPeriod'];
  rep_name: string;
  rep_masked: string;
  roles: string;
  scopes: string | null;
  until: string | null;
};

/**
 * A company's home as the acting person sees it, in one statement with only the columns shown
 * (the page opens with it; issue 13). Non-text columns come back as text, so both drivers give
 * the same strings: numeric as written, dates as YYYY-MM-DD, jsonb parsed here, instants as epoch ms.
 * `guard` re-checks a cached authority in the same statement (server/auth/authority-cache.ts).
 */
export const loadCompanyHome = async (
  db: DbOrTx,
  companyId: string,
  personId: string,
  authority: Authority,
  guard: SQL = sql`true`,
): Promise<CompanyDetail | undefined> => {
  const result = (await db.execute(sql`
    select (${guard})::text as authorized, c.id, c.uscc, c.name, c.type, c.status, c.registered_capital::text as registered_capital,
      c.division_code, c.address, c.business_scope::text as business_scope,
      c.established_on::text as established_on, c.registration_authority, c.taxpayer_type, c.vat_period,
      p.name as rep_name, p.resident_id_masked as rep_masked,
      (select coalesce(json_agg(r.role), '[]')::text from company_roles r
        where r.company_id = c.id and r.person_id = ${personId}) as roles,
      d.scopes::text as scopes, (extract(epoch from d.valid_until) * 1000)::bigint::text as until
    from (select 1) one
    left join companies c on c.id = ${companyId}
    left join persons p on p.id = c.legal_rep_person_id
    left join delegations d on d.id = ${authority.delegationId ?? null}::uuid`)) as unknown as {
    rows: Row[];
  };
  const row = result.rows[0];
  requireGuard(row?.authorized);
  if (!row?.id) return undefined;
  let grantedScopes: string[] = [];
  let actingUntil: string | null = null;
  if (authority.delegationId) {
    grantedScopes = row.scopes ? (JSON.parse(row.scopes) as string[]) : [];
    actingUntil = row.until ? new Date(Number(row.until)).toISOString() : null;
  } else if (authority.actingAs === 'legal-representative') {
    grantedScopes = ['*'];
  }
  const myRoles = new Set<CompanyRoleKey>(JSON.parse(row.roles) as CompanyRoleKey[]);
  if (authority.actingAs === 'legal-representative') myRoles.add('legal-representative');
  if (authority.actingAs === 'delegate') myRoles.add('delegate');
  if (authority.actingAs === 'firm-staff') myRoles.add('firm-staff');
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    type: row.type,
    status: row.status,
    legalRepresentative: { name: row.rep_name, residentIdMasked: row.rep_masked },
    registeredCapital: row.registered_capital,
    divisionCode: row.division_code,
    address: row.address,
    businessScope: JSON.parse(row.business_scope) as string[],
    establishedOn: row.established_on,
    registrationAuthority: row.registration_authority,
    taxpayerType: row.taxpayer_type,
    vatPeriod: row.vat_period,
    myRoles: [...myRoles],
    actingAs: authority.actingAs,
    grantedScopes,
    actingUntil,
  };
};
