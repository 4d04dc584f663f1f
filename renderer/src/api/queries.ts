import { useQuery } from '@tanstack/react-query';
import { identityApi } from '../../../shared/api/contracts/identity';
import { companiesApi } from '../../../shared/api/contracts/companies';
import { inboxApi } from '../../../shared/api/contracts/inbox';
import { api } from './client';
import { useSession } from '../state/session';

export const queryKeys = {
  me: ['me'] as const,
  companies: ['companies'] as const,
  company: (id: string) => ['companies', id] as const,
  inbox: ['inbox'] as const,
};

export const useMe = () => {
  const token = useSession((s) => s.token);
  return useQuery({ queryKey: queryKeys.me, queryFn: () => api.call(identityApi.me), enabled: !!token });
};

export const useCompanies = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: queryKeys.companies,
    queryFn: () => api.call(companiesApi.list),
    enabled: !!token,
  });
};

export const useCompany = (id: string | undefined) =>
  useQuery({
    queryKey: queryKeys.company(id ?? ''),
    queryFn: () => api.call(companiesApi.detail, { params: { companyId: id ?? '' } }),
    enabled: !!id,
  });

export const useInbox = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: queryKeys.inbox,
    queryFn: () => api.call(inboxApi.list),
    enabled: !!token,
  });
};
