import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../state/session';
import {
  ApplicationList,
  ApplicationView,
  ChecklistView,
  ExpiringList,
  IssuerKeyList,
  LicenceDetail,
  LicenceList,
  ShareList,
  SharedLicenceView,
  UploadView,
  VerifyAnswer,
  type ApplicationCreate,
  type ShareCreate,
  type UploadCreate,
  type VerifyRequest,
} from '../../../../shared/api/licences';
import { Ok } from '../../../../shared/api/identity';

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

const base = (companyId: string) => `/api/v1/companies/${companyId}`;

export const useWallet = (companyId: string) =>
  useQuery({
    queryKey: licenceKeys.wallet(companyId),
    queryFn: () => api.get(`${base(companyId)}/licences`, LicenceList),
  });

export const useLicence = (companyId: string, id: string) =>
  useQuery({
    queryKey: licenceKeys.detail(companyId, id),
    queryFn: () => api.get(`${base(companyId)}/licences/${id}`, LicenceDetail),
  });

export const useShares = (companyId: string, id: string, enabled: boolean) =>
  useQuery({
    queryKey: licenceKeys.shares(companyId, id),
    queryFn: () => api.get(`${base(companyId)}/licences/${id}/shares`, ShareList),
    enabled,
  });

export const useExpiring = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: licenceKeys.expiring,
    queryFn: () => api.get('/api/v1/licences/expiring', ExpiringList),
    enabled: !!token,
  });
};

export const useChecklist = (companyId: string, code: string | undefined) =>
  useQuery({
    queryKey: licenceKeys.checklist(companyId, code ?? ''),
    queryFn: () => api.get(`${base(companyId)}/licence-services/${code}/checklist`, ChecklistView),
    enabled: !!code,
  });

export const useApplications = (companyId: string) =>
  useQuery({
    queryKey: licenceKeys.applications(companyId),
    queryFn: () => api.get(`${base(companyId)}/licence-applications`, ApplicationList),
  });

export const useApplication = (companyId: string, id: string) =>
  useQuery({
    queryKey: licenceKeys.application(companyId, id),
    queryFn: () => api.get(`${base(companyId)}/licence-applications/${id}`, ApplicationView),
  });

export const useReviewQueue = (status: string) =>
  useQuery({
    queryKey: licenceKeys.review(status),
    queryFn: () =>
      api.get(
        `/api/v1/review/licence-applications${status === 'open' ? '' : `?status=${status}`}`,
        ApplicationList,
      ),
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
        const keys = await api.get('/api/v1/licences/issuers', IssuerKeyList);
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
    queryFn: () => api.get(`/api/v1/licence-shares/${token}`, SharedLicenceView),
    retry: false,
  });

export const licenceApi = {
  verifyOnline: (body: VerifyRequest) => api.post('/api/v1/licences/verify', body, VerifyAnswer),
  share: (companyId: string, id: string, body: ShareCreate, idempotencyKey: string) =>
    api.post(`${base(companyId)}/licences/${id}/shares`, body, ShareList.shape.shares.element, {
      idempotencyKey,
    }),
  revokeShare: (companyId: string, shareId: string) =>
    api.post(`${base(companyId)}/licence-shares/${shareId}/revoke`, {}, Ok),
  upload: (companyId: string, body: UploadCreate) =>
    api.post(`${base(companyId)}/licence-uploads`, body, UploadView),
  submit: (companyId: string, body: ApplicationCreate, idempotencyKey: string) =>
    api.post(`${base(companyId)}/licence-applications`, body, ApplicationView, { idempotencyKey }),
  decide: (id: string, action: 'accept' | 'approve' | 'return', body: object) =>
    api.post(`/api/v1/review/licence-applications/${id}/${action}`, body, ApplicationView),
  pdf: (companyId: string, id: string, fileName: string) =>
    api.download(`${base(companyId)}/licences/${id}/pdf`, fileName),
  signedFile: (companyId: string, id: string, fileName: string) =>
    api.download(`${base(companyId)}/licences/${id}/signed`, fileName),
};
