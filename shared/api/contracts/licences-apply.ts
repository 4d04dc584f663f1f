import { defineContract } from '../contract';
import {
  ChecklistParams,
  ChecklistView,
  UploadCreate,
  UploadView,
  UPLOAD_BODY_LIMIT,
  ApplicationCreate,
  ApplicationView,
  ApplicationList,
  ApplicationParams,
} from '../licences';
import { CompanyParams } from '../companies';

/** The licences (apply) endpoints: one declaration each, implemented in server/modules/licences/routes-apply.ts. */
export const licencesApplyApi = {
  checklist: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/licence-services/:serviceCode/checklist',
    summary:
      'Pre-flight for licence-free processing: per material, fetched automatically / missing / expired / revoked / to upload',
    tags: ['licences'],
    access: { kind: 'company', scope: 'company.view' },
    params: ChecklistParams,
    response: ChecklistView,
  }),
  upload: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/licence-uploads',
    summary: 'Upload a non-licence material (PDF, JPEG or PNG, at most 5 MB) for an application',
    tags: ['licences'],
    access: { kind: 'company', scope: 'licence.apply' },
    params: CompanyParams,
    body: UploadCreate,
    response: UploadView,
    status: 201,
    bodyLimit: UPLOAD_BODY_LIMIT,
  }),
  submit: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/licence-applications',
    summary:
      'Submit a licence-free application: the consented licences are attached (identifier, version, digest)',
    tags: ['licences'],
    access: { kind: 'company', scope: 'licence.apply' },
    params: CompanyParams,
    body: ApplicationCreate,
    response: ApplicationView,
    status: 201,
    idempotent: true,
  }),
  list: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/licence-applications',
    summary: 'The company’s licence-free applications with their evidence and status',
    tags: ['licences'],
    access: { kind: 'company', scope: 'company.view' },
    params: CompanyParams,
    response: ApplicationList,
  }),
  detail: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/licence-applications/:applicationId',
    summary:
      'One application: status, attached licences (identifier, version, digest, current status), uploads',
    tags: ['licences'],
    access: { kind: 'company', scope: 'company.view' },
    params: ApplicationParams,
    response: ApplicationView,
  }),
};
