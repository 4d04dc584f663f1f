import { defineContract } from '../contract';
import {
  AnnualReportFiled,
  AnnualReportOverview,
  AnnualReportPrefill,
  AnnualReportYearParams,
  CorrectAnnualReportBody,
  DisclosureParams,
  DisclosureRecord,
  FileAnnualReportBody,
  MyAnnualReportsDue,
  RemovalBody,
  RemovalResult,
} from '../annual-reports';
import { CompanyParams } from '../companies';

const tags = ['annual-reports'];

/** The annual report (企业年报) and disclosure endpoints, implemented in server/modules/annual-reports/routes.ts. */
export const annualReportsApi = {
  myDue: defineContract({
    method: 'GET',
    path: '/api/v1/annual-reports/due',
    summary: 'Annual reports due or overdue across my companies, with days left',
    tags,
    access: { kind: 'user' },
    response: MyAnnualReportsDue,
  }),
  overview: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/annual-reports',
    summary: 'The company’s annual reports: what is due (days left), every filed version, the abnormal list',
    tags,
    access: { kind: 'company', scope: 'view' },
    params: CompanyParams,
    response: AnnualReportOverview,
  }),
  prefill: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/annual-reports/:year/prefill',
    summary: 'The report on a year as far as the platform knows it; refused when the year cannot be filed',
    tags,
    access: { kind: 'company', scope: 'annual-report.file' },
    params: AnnualReportYearParams,
    response: AnnualReportPrefill,
  }),
  file: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/annual-reports',
    summary: 'File the annual report on a year (idempotent); published at once on the disclosure page',
    tags,
    access: { kind: 'company', scope: 'annual-report.file' },
    params: CompanyParams,
    body: FileAnnualReportBody,
    response: AnnualReportFiled,
    status: 201,
    idempotent: true,
  }),
  correct: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/annual-reports/:year/corrections',
    summary: 'Correct a filed report until 30 June of its filing year; both versions stay public',
    tags,
    access: { kind: 'company', scope: 'annual-report.file' },
    params: AnnualReportYearParams,
    body: CorrectAnnualReportBody,
    response: AnnualReportFiled,
    status: 201,
    idempotent: true,
  }),
  removal: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/abnormal-list/removal',
    summary: 'Apply for removal from the abnormal operations list once every missing report is filed',
    tags,
    access: { kind: 'company', scope: 'annual-report.file' },
    params: CompanyParams,
    body: RemovalBody,
    response: RemovalResult,
    idempotent: true,
  }),
  disclosure: defineContract({
    method: 'GET',
    path: '/api/v1/gs/:uscc',
    summary:
      'The public disclosure record of a company (no sign-in): registration facts, public report items, the abnormal list',
    tags: ['disclosure'],
    access: { kind: 'public' },
    params: DisclosureParams,
    response: DisclosureRecord,
  }),
};
