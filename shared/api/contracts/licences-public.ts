import { defineContract } from '../contract';
import {
  IssuerKeyList,
  VerifyRequest,
  VerifyAnswer,
  ShareTokenParams,
  SharedLicenceView,
  VerifyCodeParams,
  VerifyCodeAnswer,
} from '../licences';

/** The licences (public) endpoints: one declaration each, implemented in server/modules/licences/routes-public.ts. */
export const licencesPublicApi = {
  issuers: defineContract({
    method: 'GET',
    path: '/api/v1/licences/issuers',
    summary: 'Published SM2 public keys of the issuing authorities (for offline verification)',
    tags: ['licences'],
    access: { kind: 'public' },
    response: IssuerKeyList,
  }),
  verify: defineContract({
    method: 'POST',
    path: '/api/v1/licences/verify',
    summary:
      'Verify a signed licence document or a scanned QR payload: valid / tampered / expired / revoked / unknown issuer, with reasons',
    tags: ['licences'],
    access: { kind: 'public' },
    body: VerifyRequest,
    response: VerifyAnswer,
    rateLimit: { max: 120, timeWindow: 60_000 },
  }),
  byCode: defineContract({
    method: 'GET',
    path: '/api/v1/licences/codes/:code',
    summary:
      'The signed seal behind a short verification code (the printed QR `<public>/v/<code>`); the page verifies it like the long QR',
    tags: ['licences'],
    access: { kind: 'public' },
    params: VerifyCodeParams,
    response: VerifyCodeAnswer,
    rateLimit: { max: 120, timeWindow: 60_000 },
  }),
  shared: defineContract({
    method: 'GET',
    path: '/api/v1/licence-shares/:token',
    summary: 'A third party opens a licence share link (用证授权); every opening is logged',
    tags: ['licences'],
    access: { kind: 'public' },
    params: ShareTokenParams,
    response: SharedLicenceView,
    rateLimit: { max: 60, timeWindow: 60_000 },
  }),
};
