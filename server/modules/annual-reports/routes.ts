import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { companies } from '../../db/schema';
import { CompanyParams } from '../../../shared/api/companies';
import {
  AnnualReportDueView,
  AnnualReportFiled,
  AnnualReportOverview,
  AnnualReportPrefill,
  AnnualReportYearParams,
  CorrectAnnualReportBody,
  DisclosureParams,
  DisclosureRecord,
  FileAnnualReportBody,
  RemovalResult,
} from '../../../shared/api/annual-reports';
import { checkFirstFiling } from '../../../shared/lifecycle/annual-report';
import { listMyCompanies } from '../companies';
import { publishAfterCommit } from '../tax';
import { applyForRemoval } from './abnormal-list';
import { disclosureRecord } from './disclosure';
import { annualReportDueFor } from './due';
import { correctAnnualReport, fileAnnualReport } from './file';
import { annualReportOverview } from './overview';
import { prefillReport } from './prefill';
import { filedYearsOf, getCompany, reportsOf } from './store';
import { todayInChina } from './today';

const tags = ['annual-reports'];

const MyDue = z.object({
  today: z.string(),
  items: z.array(
    z.object({ companyId: z.uuid(), companyName: z.string(), uscc: z.string(), due: AnnualReportDueView }),
  ),
});

const myDueRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/annual-reports/due',
  summary: 'Annual reports due or overdue across my companies, with days left',
  tags,
  access: { kind: 'user' },
  response: MyDue,
  handler: async ({ app, actor }) => {
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
  },
});

const overviewRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/annual-reports',
  summary: 'The company’s annual reports: what is due (days left), every filed version, the abnormal list',
  tags,
  access: { kind: 'company', scope: 'view' },
  params: CompanyParams,
  response: AnnualReportOverview,
  handler: async ({ app, params }) => annualReportOverview(app.db, params.companyId, todayInChina(app)),
});

const prefillRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/annual-reports/:year/prefill',
  summary: 'The report on a year as far as the platform knows it; refused when the year cannot be filed',
  tags,
  access: { kind: 'company', scope: 'annual-report.file' },
  params: AnnualReportYearParams,
  response: AnnualReportPrefill,
  handler: async ({ app, params }) => {
    const company = await getCompany(app.db, params.companyId);
    const { late } = checkFirstFiling({
      establishedOn: company.establishedOn,
      today: todayInChina(app),
      reportYear: params.year,
      filedYears: filedYearsOf(await reportsOf(app.db, company.id)),
    });
    return prefillReport(app, app.db, company, params.year, late);
  },
});

const fileRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/annual-reports',
  summary: 'File the annual report on a year (idempotent); published at once on the disclosure page',
  tags,
  access: { kind: 'company', scope: 'annual-report.file' },
  params: CompanyParams,
  body: FileAnnualReportBody,
  response: AnnualReportFiled,
  status: 201,
  idempotent: true,
  handler: async ({ app, db, body, authority, reply, params }) => {
    const { filed, notify } = await fileAnnualReport(app, db, authority, body, todayInChina(app));
    publishAfterCommit(reply, app, notify, {
      type: 'annual-report.filed',
      data: { companyId: params.companyId, reportYear: filed.reportYear },
    });
    return filed;
  },
});

const correctRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/annual-reports/:year/corrections',
  summary: 'Correct a filed report until 30 June of its filing year; both versions stay public',
  tags,
  access: { kind: 'company', scope: 'annual-report.file' },
  params: AnnualReportYearParams,
  body: CorrectAnnualReportBody,
  response: AnnualReportFiled,
  status: 201,
  idempotent: true,
  handler: async ({ app, db, body, authority, reply, params }) => {
    const { filed, notify } = await correctAnnualReport(
      app,
      db,
      authority,
      params.year,
      body,
      todayInChina(app),
    );
    publishAfterCommit(reply, app, notify, {
      type: 'annual-report.corrected',
      data: { companyId: params.companyId, reportYear: filed.reportYear },
    });
    return filed;
  },
});

const removalRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/abnormal-list/removal',
  summary: 'Apply for removal from the abnormal operations list once every missing report is filed',
  tags,
  access: { kind: 'company', scope: 'annual-report.file' },
  params: CompanyParams,
  body: z.strictObject({}),
  response: RemovalResult,
  idempotent: true,
  handler: async ({ app, db, authority, reply, params }) => {
    const { removed, removedOn, notify } = await applyForRemoval(app, db, authority);
    publishAfterCommit(reply, app, notify, {
      type: 'abnormal-list.removed',
      data: { companyId: params.companyId },
    });
    return { removed, removedOn };
  },
});

const disclosureRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/gs/:uscc',
  summary:
    'The public disclosure record of a company (no sign-in): registration facts, public report items, the abnormal list',
  tags: ['disclosure'],
  access: { kind: 'public' },
  params: DisclosureParams,
  response: DisclosureRecord,
  handler: async ({ app, params }) => disclosureRecord(app.db, params.uscc),
});

export const annualReportRoutes = [
  myDueRoute,
  overviewRoute,
  prefillRoute,
  fileRoute,
  correctRoute,
  removalRoute,
  disclosureRoute,
];
