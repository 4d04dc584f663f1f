import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { approvalsApi } from '../../../../shared/api/contracts/approvals';

export const APPROVALS_KEY = ['approvals-queue'] as const;

/** The queue and this session's assurance; refreshed by delegation and registration events too. */
export const useApprovalQueue = () =>
  useQuery({ queryKey: APPROVALS_KEY, queryFn: () => api.call(approvalsApi.queue) });

export const useRefreshApprovals = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: APPROVALS_KEY });
};
