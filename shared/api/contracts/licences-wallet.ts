import { z } from 'zod';
import { defineContract } from '../contract';
import { CompanyParams } from '../companies';
import {
  LicenceList,
  ExpiringList,
  CompanyLicenceParams,
  LicenceDetail,
  ShareList,
  ShareCreate,
  ShareView,
  ShareParams,
} from '../licences';
import { Ok } from '../identity';

/** The licences (wallet) endpoints: one declaration each, implemented in server/modules/licences/routes-wallet.ts. */
export const licencesWalletApi = {
  list: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/licences',
    summary: 'The company’s e-licence wallet: current licences with validity and expiry state',
    tags: ['licences'],
    access: { kind: 'company', scope: 'company.view' },
    params: CompanyParams,
    response: LicenceList,
  }),
  expiring: defineContract({
    method: 'GET',
    path: '/api/v1/licences/expiring',
    summary: 'Expiry radar: licences expiring within 90 days (or lapsed) in every company I may view',
    tags: ['licences'],
    access: { kind: 'user' },
    query: z.strictObject({ withinDays: z.coerce.number().int().min(1).max(365).optional() }),
    response: ExpiringList,
  }),
  detail: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/licences/:licenceId',
    summary:
      'One licence version: signed document, QR link, version history, and the applications that used it',
    tags: ['licences'],
    access: { kind: 'company', scope: 'company.view' },
    params: CompanyLicenceParams,
    response: LicenceDetail,
  }),
  pdf: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/licences/:licenceId/pdf',
    summary: 'The licence as a PDF (Chinese font embedded, QR code to verify)',
    tags: ['licences'],
    access: { kind: 'company', scope: 'licence.use' },
    params: CompanyLicenceParams,
    produces: 'application/pdf',
  }),
  signed: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/licences/:licenceId/signed',
    summary: 'The signed licence file (canonical JSON + SM2 signature) for verification anywhere',
    tags: ['licences'],
    access: { kind: 'company', scope: 'licence.use' },
    params: CompanyLicenceParams,
    produces: 'application/json',
  }),
  shares: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/licences/:licenceId/shares',
    summary: 'Share links (用证授权) of a licence with their access logs',
    tags: ['licences'],
    access: { kind: 'company', scope: 'licence.use' },
    params: CompanyLicenceParams,
    response: ShareList,
  }),
  share: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/licences/:licenceId/shares',
    summary: 'Authorize a third party to see a licence through a time-limited, revocable link',
    tags: ['licences'],
    access: { kind: 'company', scope: 'licence.use' },
    params: CompanyLicenceParams,
    body: ShareCreate,
    response: ShareView,
    status: 201,
    idempotent: true,
  }),
  revokeShare: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/licence-shares/:shareId/revoke',
    summary: 'Revoke a licence share link at once',
    tags: ['licences'],
    access: { kind: 'company', scope: 'licence.use' },
    params: ShareParams,
    response: Ok,
  }),
};
