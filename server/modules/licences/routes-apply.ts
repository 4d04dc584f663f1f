import { and, eq } from 'drizzle-orm';
import { defineRoute } from '../../http/route';
import { notFound } from '../../http/errors';
import { companies, licenceApplications } from '../../db/schema';
import { CompanyParams } from '../../../shared/api/companies';
import { text } from '../../../shared/text';
import {
  ApplicationCreate,
  ApplicationList,
  ApplicationParams,
  ApplicationView,
  ChecklistParams,
  ChecklistView,
  UPLOAD_BODY_LIMIT,
  UploadCreate,
  UploadView,
} from '../../../shared/api/licences';
import { loadApplication, loadApplications } from './application-views';
import { checklistFor } from './checklist';
import { submitApplication } from './submit';
import { storeUpload } from './uploads';

const tags = ['licences'];

const checklistRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/licence-services/:serviceCode/checklist',
  summary:
    'Pre-flight for licence-free processing: per material, fetched automatically / missing / expired / revoked / to upload',
  tags,
  access: { kind: 'company', scope: 'company.view' },
  params: ChecklistParams,
  response: ChecklistView,
  handler: async ({ app, params }) => checklistFor(app.db, params.companyId, params.serviceCode, app.now()),
});

const uploadRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/licence-uploads',
  summary: 'Upload a non-licence material (PDF, JPEG or PNG, at most 5 MB) for an application',
  tags,
  access: { kind: 'company', scope: 'licence.apply' },
  params: CompanyParams,
  body: UploadCreate,
  response: UploadView,
  status: 201,
  bodyLimit: UPLOAD_BODY_LIMIT,
  handler: async ({ app, authority, body }) =>
    app.db.transaction((tx) => storeUpload(tx, authority, body, app.now())),
});

const submitRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/companies/:companyId/licence-applications',
  summary:
    'Submit a licence-free application: the consented licences are attached (identifier, version, digest)',
  tags,
  access: { kind: 'company', scope: 'licence.apply' },
  params: CompanyParams,
  body: ApplicationCreate,
  response: ApplicationView,
  status: 201,
  idempotent: true,
  handler: async ({ app, db, authority, body }) => {
    const id = await submitApplication(db, app, authority, body);
    const view = await loadApplication(db, eq(licenceApplications.id, id));
    if (!view) throw new Error('submitted application vanished');
    const [company] = await db
      .select({ rep: companies.legalRepPersonId })
      .from(companies)
      .where(eq(companies.id, authority.companyId));
    await app.bus.publishTo(
      [authority.personId, company?.rep ?? authority.personId],
      { type: 'licence.application.submitted', data: { companyId: authority.companyId, applicationId: id } },
      db,
    );
    return view;
  },
});

const listRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/licence-applications',
  summary: 'The company’s licence-free applications with their evidence and status',
  tags,
  access: { kind: 'company', scope: 'company.view' },
  params: CompanyParams,
  response: ApplicationList,
  handler: async ({ app, params }) => ({
    applications: await loadApplications(app.db, eq(licenceApplications.companyId, params.companyId)),
  }),
});

const detailRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/companies/:companyId/licence-applications/:applicationId',
  summary:
    'One application: status, attached licences (identifier, version, digest, current status), uploads',
  tags,
  access: { kind: 'company', scope: 'company.view' },
  params: ApplicationParams,
  response: ApplicationView,
  handler: async ({ app, params }) => {
    const view = await loadApplication(
      app.db,
      and(
        eq(licenceApplications.id, params.applicationId),
        eq(licenceApplications.companyId, params.companyId),
      ),
    );
    if (!view) throw notFound(text('申请', 'Application'));
    return view;
  },
});

export const applyRoutes = [checklistRoute, uploadRoute, submitRoute, listRoute, detailRoute];
