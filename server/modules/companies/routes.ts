import { implement } from '../../http/route';
import { companiesApi } from '../../../shared/api/contracts/companies';
import { notFound } from '../../http/errors';
import { text } from '../../../shared/text';
import { listMyCompanies } from './my-companies';
import { loadCompanyHome } from './company-home';

const listRoute = implement(companiesApi.list, async ({ app, actor }) => ({
  companies: await listMyCompanies(app.db, actor.personId, app.now()),
}));

const detailRoute = implement(companiesApi.detail, async ({ app, params, actor, authority }) => {
  const home = await loadCompanyHome(app.db, params.companyId, actor.personId, authority);
  if (!home) throw notFound(text('企业', 'Company'));
  return home;
});

export const companyRoutes = [listRoute, detailRoute];
