import { inArray } from 'drizzle-orm';
import { implement } from '../../http/route';
import { companies } from '../../db/schema';
import { annualReportsApi } from '../../../shared/api/contracts/annual-reports';
import { checkFirstFiling } from '../../../shared/lifecycle/annual-report';
import { listMyCompanies } from '../companies';
import { applyForRemoval } from './abnormal-list';
import { disclosureRecord } from './disclosure';
import { annualReportDueFor } from './due';
import { correctAnnualReport, fileAnnualReport } from './file';
import { annualReportOverview } from './overview';
import { prefillReport } from './prefill';
import { filedYearsOf, getCompany, reportsOf } from './store';
import { todayInChina } from './today';

const myDueRoute = implement(annualReportsApi.myDue, async ({ app, actor }) => {
  const today = todayInChina(app);
  const mine = (await listMyCompanies(app.db, actor.personId, app.now())).filter(
    (c) => c.status !== 'deregistered',
  );
  if (mine.length === 0) return { today, items: [] };
  const rows = await app.db
    .select({ id: companies.id, establishedOn: companies.establishedOn })
    .from(companies)
    .where(
      inArray(
        companies.id,
        mine.map((c) => c.id),
      ),
    );
  const due = await annualReportDueFor(app.db, rows, today);
  const items = mine.flatMap((c) => {
    const d = due.get(c.id);
    return d && d.missingYears.length > 0
      ? [{ companyId: c.id, companyName: c.name, uscc: c.uscc, due: d }]
      : [];
  });
  return { today, items };
});

const overviewRoute = implement(annualReportsApi.overview, async ({ app, params }) =>
  annualReportOverview(app.db, params.companyId, todayInChina(app)),
);

const prefillRoute = implement(annualReportsApi.prefill, async ({ app, params }) => {
  const company = await getCompany(app.db, params.companyId);
  const { late } = checkFirstFiling({
    establishedOn: company.establishedOn,
    today: todayInChina(app),
    reportYear: params.year,
    filedYears: filedYearsOf(await reportsOf(app.db, company.id)),
  });
  return prefillReport(app, app.db, company, params.year, late);
});

const fileRoute = implement(annualReportsApi.file, async ({ app, db, body, authority, params }) => {
  const { filed, notify } = await fileAnnualReport(app, db, authority, body, todayInChina(app));
  await app.bus.publishTo(
    notify,
    { type: 'annual-report.filed', data: { companyId: params.companyId, reportYear: filed.reportYear } },
    db,
  );
  return filed;
});

const correctRoute = implement(annualReportsApi.correct, async ({ app, db, body, authority, params }) => {
  const { filed, notify } = await correctAnnualReport(
    app,
    db,
    authority,
    params.year,
    body,
    todayInChina(app),
  );
  await app.bus.publishTo(
    notify,
    { type: 'annual-report.corrected', data: { companyId: params.companyId, reportYear: filed.reportYear } },
    db,
  );
  return filed;
});

const removalRoute = implement(annualReportsApi.removal, async ({ app, db, authority, params }) => {
  const { removed, removedOn, notify } = await applyForRemoval(app, db, authority);
  await app.bus.publishTo(
    notify,
    { type: 'abnormal-list.removed', data: { companyId: params.companyId } },
    db,
  );
  return { removed, removedOn };
});

const disclosureRoute = implement(annualReportsApi.disclosure, async ({ app, params }) =>
  disclosureRecord(app.db, params.uscc),
);

export const annualReportRoutes = [
  myDueRoute,
  overviewRoute,
  prefillRoute,
  fileRoute,
  correctRoute,
  removalRoute,
  disclosureRoute,
];
