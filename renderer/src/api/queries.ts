import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { Me } from '../../../shared/api/identity';
import { CompanyDetail, CompanyList } from '../../../shared/api/companies';
import { InboxList } from '../../../shared/api/inbox';
import { useSession } from '../state/session';

export const queryKeys = {
  me: ['me'] as const,
  companies: ['companies'] as const,
  company: (id: string) => ['companies', id] as const,
  inbox: ['inbox'] as const,
};

export const useMe = () => {
  const token = useSession((s) => s.token);
  return useQuery({ queryKey: queryKeys.me, queryFn: () => api.get('/api/v1/me', Me), enabled: !!token });
};

export const useCompanies = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: queryKeys.companies,
    queryFn: () => api.get('/api/v1/companies', CompanyList),
    enabled: !!token,
  });
};

export const useCompany = (id: string | undefined) =>
  useQuery({
    queryKey: queryKeys.company(id ?? ''),
    queryFn: () => api.get(`/api/v1/companies/${id}`, CompanyDetail),
    enabled: !!id,
  });

export const useInbox = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: queryKeys.inbox,
    queryFn: () => api.get('/api/v1/inbox', InboxList),
    enabled: !!token,
  });
};
