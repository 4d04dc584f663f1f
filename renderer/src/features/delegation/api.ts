import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../api/client';
import { useSession } from '../../state/session';
import {
  ApprovalOutcome,
  ApprovalView,
  DelegationAudit,
  DelegationList,
  DelegationView,
  FaceChallengeView,
  type DelegationRequestBody,
} from '../../../../shared/api/delegation';
import type { DelegationStatus } from '../../../../shared/delegation/status';
import { Ok } from '../../../../shared/api/identity';

export const delegationKeys = {
  all: ['delegations'] as const,
  company: (companyId: string) => ['delegations', 'company', companyId] as const,
  mine: ['delegations', 'mine'] as const,
  granted: (status: DelegationStatus | 'all') => ['delegations', 'granted', status] as const,
  audit: (id: string) => ['delegations', 'audit', id] as const,
  approval: (token: string) => ['approval', token] as const,
};

export const useCompanyDelegations = (companyId: string) =>
  useQuery({
    queryKey: delegationKeys.company(companyId),
    queryFn: () => api.get(`/api/v1/companies/${companyId}/delegations`, DelegationList),
  });

export const useMyDelegations = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: delegationKeys.mine,
    queryFn: () => api.get('/api/v1/delegations/mine', DelegationList),
    enabled: !!token,
  });
};

export const useGranted = (status: DelegationStatus | 'all') =>
  useQuery({
    queryKey: delegationKeys.granted(status),
    queryFn: () =>
      api.get(`/api/v1/delegations/granted${status === 'all' ? '' : `?status=${status}`}`, DelegationList),
  });

export const useAudit = (id: string | null) =>
  useQuery({
    queryKey: delegationKeys.audit(id ?? ''),
    queryFn: () => api.get(`/api/v1/delegations/${id}/audit`, DelegationAudit),
    enabled: !!id,
  });

export const useApproval = (token: string) =>
  useQuery({
    queryKey: delegationKeys.approval(token),
    queryFn: () => api.get(`/api/v1/approvals/${token}`, ApprovalView),
    retry: false,
  });

/** Every submission carries its own idempotency key: a retried click cannot act twice. */
export const delegationApi = {
  request: (companyId: string, body: DelegationRequestBody) =>
    api.post(`/api/v1/companies/${companyId}/delegations`, body, DelegationView, {
      idempotencyKey: newIdempotencyKey(),
    }),
  cancel: (id: string) =>
    api.post(`/api/v1/delegations/${id}/cancel`, {}, DelegationView, { idempotencyKey: newIdempotencyKey() }),
  resend: (id: string) =>
    api.post(`/api/v1/delegations/${id}/resend`, {}, DelegationView, { idempotencyKey: newIdempotencyKey() }),
  renew: (id: string) =>
    api.post(`/api/v1/delegations/${id}/renew`, {}, DelegationView, { idempotencyKey: newIdempotencyKey() }),
  revoke: (id: string, reason?: string) =>
    api.post(`/api/v1/delegations/${id}/revoke`, reason ? { reason } : {}, DelegationView, {
      idempotencyKey: newIdempotencyKey(),
    }),
  reject: (id: string) =>
    api.post(`/api/v1/delegations/${id}/reject`, {}, DelegationView, { idempotencyKey: newIdempotencyKey() }),
  challenge: (token: string) => api.post(`/api/v1/approvals/${token}/challenge`, {}, FaceChallengeView),
  verify: (token: string, challengeId: string, frames: string[]) =>
    api.post(`/api/v1/approvals/${token}/verify`, { challengeId, frames }, ApprovalOutcome),
  rejectByLink: (token: string) => api.post(`/api/v1/approvals/${token}/reject`, {}, Ok),
};

/** After a change: refresh every delegation list and the company views that show authority. */
export const useRefreshDelegations = () => {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: delegationKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['companies'] });
  };
};
