import { and, eq } from 'drizzle-orm';
import { implement } from '../../http/route';
import { companiesApi } from '../../../shared/api/contracts/companies';
import { notFound } from '../../http/errors';
import { companies, companyRoles, delegations, persons } from '../../db/schema';
import { type CompanyRoleKey } from '../../../shared/api/companies';
import { text } from '../../../shared/text';
import { listMyCompanies } from './my-companies';
import { activityApi } from '../../../shared/api/contracts/activity';
import { DomainError } from '../../../shared/domain-error';
import { attachmentIn } from '../../http/download-name';
import { chinaToday } from '../../../shared/time/china';
import type { Authority } from '../../auth/authorize';
import { activityEntries, activityPage } from './activity';
import { activityWorkbook, xlsxType } from './activity-export';

const listRoute = implement(companiesApi.list, async ({ app, actor }) => ({
  companies: await listMyCompanies(app.db, actor.personId, app.now()),
}));

const detailRoute = implement(companiesApi.detail, async ({ app, params, actor, authority }) => {
  const [row] = await app.db
    .select({ c: companies, repName: persons.name, repMasked: persons.residentIdMasked })
    .from(companies)
    .innerJoin(persons, eq(persons.id, companies.legalRepPersonId))
    .where(eq(companies.id, params.companyId));
  if (!row) throw notFound(text('企业', 'Company'));
  const roles = await app.db
    .select({ role: companyRoles.role })
    .from(companyRoles)
    .where(and(eq(companyRoles.companyId, params.companyId), eq(companyRoles.personId, actor.personId)));
  let grantedScopes: string[] = [];
  let actingUntil: string | null = null;
  if (authority.delegationId) {
    const [d] = await app.db.select().from(delegations).where(eq(delegations.id, authority.delegationId));
    grantedScopes = d?.scopes ?? [];
    actingUntil = d?.validUntil?.toISOString() ?? null;
  } else if (authority.actingAs === 'legal-representative') {
    grantedScopes = ['*'];
  }
  const myRoles = new Set<CompanyRoleKey>(roles.map((r) => r.role));
  if (authority.actingAs === 'legal-representative') myRoles.add('legal-representative');
  if (authority.actingAs === 'delegate') myRoles.add('delegate');
  if (authority.actingAs === 'firm-staff') myRoles.add('firm-staff');
  const c = row.c;
  return {
    id: c.id,
    uscc: c.uscc,
    name: c.name,
    type: c.type,
    status: c.status,
    legalRepresentative: { name: row.repName, residentIdMasked: row.repMasked },
    registeredCapital: c.registeredCapital,
    divisionCode: c.divisionCode,
    address: c.address,
    businessScope: c.businessScope,
    establishedOn: c.establishedOn,
    registrationAuthority: c.registrationAuthority,
    taxpayerType: c.taxpayerType,
    vatPeriod: c.vatPeriod,
    myRoles: [...myRoles],
    actingAs: authority.actingAs,
    grantedScopes,
    actingUntil,
  };
});

/**
 * The activity log is the legal representative's oversight of everyone acting for the company:
 * delegates and firms see their own trail elsewhere, reviewers have their queues.
 */
const requireLegalRep = (authority: Authority): void => {
  if (authority.actingAs !== 'legal-representative')
    throw new DomainError(
      'NOT_LEGAL_REPRESENTATIVE',
      text(
        '只有该企业的法定代表人可以查看操作日志。',
        'Only the company’s legal representative can read its activity log.',
      ),
    );
};

const activityRoute = implement(activityApi.list, async ({ app, params, query, authority }) => {
  requireLegalRep(authority);
  return activityPage(app.db, params.companyId, query);
});

/** Exports at most this many entries: a decade of a busy company's log. */
const EXPORT_LIMIT = 50_000;

const activityXlsxRoute = implement(
  activityApi.xlsx,
  async ({ app, params, query, authority, reply, lang }) => {
    requireLegalRep(authority);
    const entries = await activityEntries(app.db, params.companyId, { ...query, offset: 0 }, EXPORT_LIMIT);
    const today = chinaToday(app.now());
    void reply.header('content-type', xlsxType);
    void reply.header(
      'content-disposition',
      attachmentIn(lang, text(`操作日志-${today}.xlsx`, `activity-log-${today}.xlsx`)),
    );
    return activityWorkbook(entries, lang);
  },
);

export const companyRoutes = [listRoute, detailRoute, activityRoute, activityXlsxRoute];
