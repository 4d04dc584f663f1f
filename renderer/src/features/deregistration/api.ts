import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { deregistrationApi } from '../../../../shared/api/contracts/deregistration';

export const deregKeys = {
  all: ['deregistration'] as const,
  overview: (companyId: string) => ['deregistration', 'overview', companyId] as const,
  publicNotice: (uscc: string) => ['deregistration', 'public', uscc] as const,
};

export const useDeregistration = (companyId: string) =>
  useQuery({
    queryKey: deregKeys.overview(companyId),
    queryFn: () => api.call(deregistrationApi.overview, { params: { companyId } }),
  });

export const usePublicDeregistration = (uscc: string) =>
  useQuery({
    queryKey: deregKeys.publicNotice(uscc),
    queryFn: () => api.call(deregistrationApi.publicNotice, { params: { uscc } }),
  });
