import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../api/client';
import { useSession } from '../../state/session';
import type { DelegationRequestBody } from '../../../../shared/api/delegation';
import type { DelegationStatus } from '../../../../shared/delegation/status';
import { delegationApi as contracts } from '../../../../shared/api/contracts/delegation';

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
    queryFn: () => api.call(contracts.companyList, { params: { companyId } }),
  });

export const useMyDelegations = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: delegationKeys.mine,
    queryFn: () => api.call(contracts.mine),
    enabled: !!token,
  });
};

export const useGranted = (status: DelegationStatus | 'all') =>
  useQuery({
    queryKey: delegationKeys.granted(status),
    queryFn: () => api.call(contracts.granted, { query: status === 'all' ? {} : { status } }),
  });

export const useAudit = (id: string | null) =>
  useQuery({
    queryKey: delegationKeys.audit(id ?? ''),
    queryFn: () => api.call(contracts.audit, { params: { delegationId: id ?? '' } }),
    enabled: !!id,
  });

export const useApproval = (token: string) =>
  useQuery({
    queryKey: delegationKeys.approval(token),
    queryFn: () => api.call(contracts.approvalView, { params: { token } }),
    retry: false,
  });

/** Every submission carries its own idempotency key: a retried click cannot act twice. */
export const delegationApi = {
  request: (companyId: string, body: DelegationRequestBody) =>
    api.call(contracts.request, { params: { companyId }, body, idempotencyKey: newIdempotencyKey() }),
  cancel: (id: string) =>
    api.call(contracts.cancel, { params: { delegationId: id }, idempotencyKey: newIdempotencyKey() }),
  resend: (id: string) =>
    api.call(contracts.resend, { params: { delegationId: id }, idempotencyKey: newIdempotencyKey() }),
  renew: (id: string) =>
    api.call(contracts.renew, { params: { delegationId: id }, idempotencyKey: newIdempotencyKey() }),
  revoke: (id: string, reason?: string) =>
    api.call(contracts.revoke, {
      params: { delegationId: id },
      body: reason ? { reason } : {},
      idempotencyKey: newIdempotencyKey(),
    }),
  reject: (id: string) =>
    api.call(contracts.reject, {
      params: { delegationId: id },
      body: {},
      idempotencyKey: newIdempotencyKey(),
    }),
  challenge: (token: string) => api.call(contracts.challenge, { params: { token } }),
  verify: (token: string, challengeId: string, frames: string[]) =>
    api.call(contracts.verify, { params: { token }, body: { challengeId, frames } }),
  rejectByLink: (token: string) => api.call(contracts.linkReject, { params: { token }, body: {} }),
};

/** After a change: refresh every delegation list and the company views that show authority. */
export const useRefreshDelegations = () => {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: delegationKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['companies'] });
  };
};
