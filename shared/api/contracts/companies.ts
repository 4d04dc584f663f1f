import { defineContract } from '../contract';
import { CompanyList, CompanyParams, CompanyDetail } from '../companies';

/** The companies endpoints: one declaration each, implemented in server/modules/companies/routes.ts. */
export const companiesApi = {
  list: defineContract({
    method: 'GET',
    path: '/api/v1/companies',
    summary: 'Companies the signed-in person is connected to, with their role for each',
    tags: ['companies'],
    access: { kind: 'user' },
    response: CompanyList,
  }),
  detail: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId',
    summary: 'A company home: registration facts, masked legal representative, status, my authority',
    tags: ['companies'],
    access: { kind: 'company', scope: 'view' },
    params: CompanyParams,
    response: CompanyDetail,
  }),
};
