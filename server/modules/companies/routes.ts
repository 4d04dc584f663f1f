import { implement } from '../../http/route';
import { companiesApi } from '../../../shared/api/contracts/companies';
import { notFound } from '../../http/errors';
import { text } from '../../../shared/text';
import { listMyCompanies } from './my-companies';
import { activityApi } from '../../../shared/api/contracts/activity';
import { DomainError } from '../../../shared/domain-error';
import { attachmentIn } from '../../http/download-name';
import { chinaToday } from '../../../shared/time/china';
import type { Authority } from '../../auth/authorize';
import { activityEntries, activityPage } from './activity';
import { activityWorkbook, xlsxType } from './activity-export';
import { loadCompanyHome } from './company-home';

const listRoute = implement(companiesApi.list, async ({ app, actor }) => ({
  companies: await listMyCompanies(app.db, actor.personId, app.now()),
}));

const detailRoute = implement(
  companiesApi.detail,
  async ({ app, params, actor, authority, guard }) => {
    const home = await loadCompanyHome(app.db, params.companyId, actor.personId, authority, guard);
    if (!home) throw notFound(text('企业', 'Company'));
    return home;
  },
  { guarded: true },
);

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
