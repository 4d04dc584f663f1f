import { defineContract } from '../contract';
import { FaceChallengeView, FaceSubmission } from '../face';
import {
  SealClaim,
  SealCompanyParams,
  SealFaceResult,
  SealGrantCreate,
  SealGrantParams,
  SealGrantView,
  SealParams,
  SealPinBody,
  SealSignRequest,
  SealSignResult,
  SealsOverview,
  SEAL_PDF_MAX_BYTES,
  SealVerifyReport,
  SealVerifyRequest,
} from '../seals';

const PDF_BODY_LIMIT = Math.ceil(SEAL_PDF_MAX_BYTES / 3) * 4 + 64 * 1024;

/**
 * The e-seal endpoints, implemented in server/modules/seals/routes.ts. The PIN-checked actions are
 * not `idempotent`: an idempotent handler runs inside one transaction that a refusal rolls back,
 * and a wrong PIN must stay counted (lockout) while the action itself changes nothing.
 */
export const sealsApi = {
  overview: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/seals',
    summary: "The company's e-seals, what the viewer may do with each, and (legal representative) the grants",
    tags: ['seals'],
    access: { kind: 'company', scope: 'view' },
    params: SealCompanyParams,
    response: SealsOverview,
  }),
  faceChallenge: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/seals/face-challenge',
    summary: 'A liveness challenge for claiming or signing with a seal',
    tags: ['seals'],
    access: { kind: 'company', scope: 'view' },
    params: SealCompanyParams,
    response: FaceChallengeView,
  }),
  face: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/seals/face',
    summary:
      'A live face check against the identity authority portrait; the result authorizes one seal action',
    tags: ['seals'],
    access: { kind: 'company', scope: 'view' },
    params: SealCompanyParams,
    body: FaceSubmission,
    response: SealFaceResult,
    bodyLimit: 30 * 1024 * 1024,
  }),
  claim: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/seals/claim',
    summary: 'The legal representative claims the seals (fresh face check) and sets the PIN',
    tags: ['seals'],
    access: { kind: 'company', scope: 'view' },
    params: SealCompanyParams,
    body: SealClaim,
    response: SealsOverview,
  }),
  grant: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/seals/:sealId/grants',
    summary:
      'The legal representative grants one seal to a person (administrator or 经办人) until a date, with the PIN',
    tags: ['seals'],
    access: { kind: 'company', scope: 'view' },
    params: SealParams,
    body: SealGrantCreate,
    response: SealGrantView,
    status: 201,
  }),
  revokeGrant: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/seals/:sealId/grants/:grantId/revoke',
    summary: 'The legal representative ends a grant, with the PIN',
    tags: ['seals'],
    access: { kind: 'company', scope: 'view' },
    params: SealGrantParams,
    body: SealPinBody,
    response: SealGrantView,
  }),
  sign: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/seals/:sealId/sign',
    summary: "Sign a PDF with the seal's SM2 key (incremental PDF signature, seal drawn where chosen)",
    tags: ['seals'],
    access: { kind: 'company', scope: 'view' },
    params: SealParams,
    body: SealSignRequest,
    response: SealSignResult,
    bodyLimit: PDF_BODY_LIMIT,
  }),
  verify: defineContract({
    method: 'POST',
    path: '/api/v1/seal-signatures/verify',
    summary:
      'Verify the seal signatures of a PDF: intact, which seal, valid at signing time, who signed (no sign-in)',
    tags: ['seals'],
    access: { kind: 'public' },
    body: SealVerifyRequest,
    response: SealVerifyReport,
    bodyLimit: PDF_BODY_LIMIT,
    rateLimit: { max: 60, timeWindow: 60_000 },
  }),
};
