import { useQuery } from '@tanstack/react-query';
import { api, urlOf } from '../../api/client';
import { useSession } from '../../state/session';
import {
  IssuerKeyList,
  type ApplicationCreate,
  type ShareCreate,
  type UploadCreate,
  type VerifyRequest,
} from '../../../../shared/api/licences';
import { licencesWalletApi } from '../../../../shared/api/contracts/licences-wallet';
import { licencesApplyApi } from '../../../../shared/api/contracts/licences-apply';
import type { QueryOf } from '../../../../shared/api/contract';
import { licencesReviewApi } from '../../../../shared/api/contracts/licences-review';
import { licencesPublicApi } from '../../../../shared/api/contracts/licences-public';

export const licenceKeys = {
  all: ['licences'] as const,
  wallet: (companyId: string) => ['licences', 'wallet', companyId] as const,
  detail: (companyId: string, id: string) => ['licences', 'detail', companyId, id] as const,
  shares: (companyId: string, id: string) => ['licences', 'shares', companyId, id] as const,
  expiring: ['licences', 'expiring'] as const,
  checklist: (companyId: string, code: string) => ['licences', 'checklist', companyId, code] as const,
  applications: (companyId: string) => ['licences', 'applications', companyId] as const,
  application: (companyId: string, id: string) => ['licences', 'application', companyId, id] as const,
  review: (status: string) => ['licences', 'review', status] as const,
  issuers: ['licences', 'issuers'] as const,
  shared: (token: string) => ['licences', 'shared', token] as const,
};

export const useWallet = (companyId: string) =>
  useQuery({
    queryKey: licenceKeys.wallet(companyId),
    queryFn: () => api.call(licencesWalletApi.list, { params: { companyId } }),
  });

export const useLicence = (companyId: string, id: string) =>
  useQuery({
    queryKey: licenceKeys.detail(companyId, id),
    queryFn: () => api.call(licencesWalletApi.detail, { params: { companyId, licenceId: id } }),
  });

export const useShares = (companyId: string, id: string, enabled: boolean) =>
  useQuery({
    queryKey: licenceKeys.shares(companyId, id),
    queryFn: () => api.call(licencesWalletApi.shares, { params: { companyId, licenceId: id } }),
    enabled,
  });

export const useExpiring = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: licenceKeys.expiring,
    queryFn: () => api.call(licencesWalletApi.expiring),
    enabled: !!token,
  });
};

export const useChecklist = (companyId: string, code: string | undefined) =>
  useQuery({
    queryKey: licenceKeys.checklist(companyId, code ?? ''),
    queryFn: () => api.call(licencesApplyApi.checklist, { params: { companyId, serviceCode: code ?? '' } }),
    enabled: !!code,
  });

export const useApplications = (companyId: string) =>
  useQuery({
    queryKey: licenceKeys.applications(companyId),
    queryFn: () => api.call(licencesApplyApi.list, { params: { companyId } }),
  });

export const useApplication = (companyId: string, id: string) =>
  useQuery({
    queryKey: licenceKeys.application(companyId, id),
    queryFn: () => api.call(licencesApplyApi.detail, { params: { companyId, applicationId: id } }),
  });

/** The statuses a reviewer may filter the queue by ('open': submitted and accepted). */
type ReviewStatus = NonNullable<QueryOf<typeof licencesReviewApi.queue>['status']>;

export const useReviewQueue = (status: 'open' | ReviewStatus) =>
  useQuery({
    queryKey: licenceKeys.review(status),
    queryFn: () => api.call(licencesReviewApi.queue, { query: status === 'open' ? {} : { status } }),
  });

const ISSUERS_STORE = 'st.licence-issuers';

/**
 * The published issuer keys. Kept in localStorage so the verification page still works offline
 * (a phone scanning a licence in a basement); refreshed whenever the network allows.
 */
export const useIssuers = () =>
  useQuery({
    queryKey: licenceKeys.issuers,
    queryFn: async () => {
      try {
        const keys = await api.call(licencesPublicApi.issuers);
        localStorage.setItem(ISSUERS_STORE, JSON.stringify(keys));
        return { ...keys, cached: false };
      } catch (e) {
        const stored = IssuerKeyList.safeParse(JSON.parse(localStorage.getItem(ISSUERS_STORE) ?? 'null'));
        if (stored.success) return { ...stored.data, cached: true };
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

export const useSharedLicence = (token: string) =>
  useQuery({
    queryKey: licenceKeys.shared(token),
    queryFn: () => api.call(licencesPublicApi.shared, { params: { token } }),
    retry: false,
  });

/** A reviewer's decision: a note for accept/approve, a reason for return. */
export type ReviewDecisionBody = { note?: string; reason?: string };

export const licenceApi = {
  verifyOnline: (body: VerifyRequest) => api.call(licencesPublicApi.verify, { body }),
  byCode: (code: string) => api.call(licencesPublicApi.byCode, { params: { code } }),
  share: (companyId: string, id: string, body: ShareCreate, idempotencyKey: string) =>
    api.call(licencesWalletApi.share, { params: { companyId, licenceId: id }, body, idempotencyKey }),
  revokeShare: (companyId: string, shareId: string) =>
    api.call(licencesWalletApi.revokeShare, { params: { companyId, shareId } }),
  upload: (companyId: string, body: UploadCreate) =>
    api.call(licencesApplyApi.upload, { params: { companyId }, body }),
  submit: (companyId: string, body: ApplicationCreate, idempotencyKey: string) =>
    api.call(licencesApplyApi.submit, { params: { companyId }, body, idempotencyKey }),
  decide: (id: string, action: 'accept' | 'approve' | 'return', body: ReviewDecisionBody) =>
    action === 'return'
      ? api.call(licencesReviewApi.return, {
          params: { applicationId: id },
          body: { reason: body.reason ?? '' },
        })
      : api.call(licencesReviewApi[action], {
          params: { applicationId: id },
          body: body.note === undefined ? {} : { note: body.note },
        }),
  reviewUpload: (applicationId: string, uploadId: string, fileName: string) =>
    api.download(urlOf(licencesReviewApi.upload, { params: { applicationId, uploadId } }), fileName),
  pdf: (companyId: string, id: string, fileName: string) =>
    api.download(urlOf(licencesWalletApi.pdf, { params: { companyId, licenceId: id } }), fileName),
  signedFile: (companyId: string, id: string, fileName: string) =>
    api.download(urlOf(licencesWalletApi.signed, { params: { companyId, licenceId: id } }), fileName),
};
