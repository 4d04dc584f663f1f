import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../state/session';
import { changesApi } from '../../../../shared/api/contracts/changes';

export const changeKeys = {
  all: ['changes'] as const,
  form: (companyId: string) => ['changes', 'form', companyId] as const,
  list: (companyId: string) => ['changes', 'list', companyId] as const,
  detail: (changeId: string) => ['changes', 'detail', changeId] as const,
  mine: ['changes', 'mine'] as const,
  notices: ['changes', 'equity-notices'] as const,
  review: ['changes', 'review'] as const,
  delegationReviews: (companyId: string) => ['changes', 'delegation-reviews', companyId] as const,
};

export const useChangeForm = (companyId: string) =>
  useQuery({
    queryKey: changeKeys.form(companyId),
    queryFn: () => api.call(changesApi.form, { params: { companyId } }),
  });

export const useChanges = (companyId: string) =>
  useQuery({
    queryKey: changeKeys.list(companyId),
    queryFn: () => api.call(changesApi.list, { params: { companyId } }),
  });

export const useChange = (companyId: string, changeId: string) =>
  useQuery({
    queryKey: changeKeys.detail(changeId),
    queryFn: () => api.call(changesApi.detail, { params: { companyId, changeId } }),
  });

export const useMyChangeConfirmations = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: changeKeys.mine,
    queryFn: () => api.call(changesApi.myConfirmations),
    enabled: !!token,
  });
};

export const useChangeReviewQueue = () =>
  useQuery({ queryKey: changeKeys.review, queryFn: () => api.call(changesApi.reviewQueue) });

export const useDelegationReviews = (companyId: string) =>
  useQuery({
    queryKey: changeKeys.delegationReviews(companyId),
    queryFn: () => api.call(changesApi.delegationReviews, { params: { companyId } }),
  });

export const useMyEquityNotices = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: changeKeys.notices,
    queryFn: () => api.call(changesApi.myEquityNotices),
    enabled: !!token,
  });
};
