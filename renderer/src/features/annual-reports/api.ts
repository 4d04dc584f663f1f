import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, newIdempotencyKey } from '../../api/client';
import { useSession } from '../../state/session';
import {
  AnnualReportDueView,
  AnnualReportFiled,
  AnnualReportOverview,
  AnnualReportPrefill,
  DisclosureRecord,
  RemovalResult,
  type CorrectAnnualReportBody,
  type FileAnnualReportBody,
} from '../../../../shared/api/annual-reports';

export const annualKeys = {
  all: ['annual'] as const,
  myDue: ['annual', 'due'] as const,
  overview: (companyId: string) => ['annual', 'overview', companyId] as const,
  prefill: (companyId: string, year: number) => ['annual', 'prefill', companyId, year] as const,
  disclosure: (uscc: string) => ['annual', 'disclosure', uscc] as const,
};

const MyDue = z.object({
  today: z.string(),
  items: z.array(
    z.object({ companyId: z.string(), companyName: z.string(), uscc: z.string(), due: AnnualReportDueView }),
  ),
});

const base = (companyId: string) => `/api/v1/companies/${companyId}`;

export const useMyAnnualDue = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: annualKeys.myDue,
    queryFn: () => api.get('/api/v1/annual-reports/due', MyDue),
    enabled: !!token,
  });
};

export const useAnnualOverview = (companyId: string) =>
  useQuery({
    queryKey: annualKeys.overview(companyId),
    queryFn: () => api.get(`${base(companyId)}/annual-reports`, AnnualReportOverview),
  });

export const usePrefill = (companyId: string, year: number | null) =>
  useQuery({
    queryKey: annualKeys.prefill(companyId, year ?? 0),
    queryFn: () => api.get(`${base(companyId)}/annual-reports/${year}/prefill`, AnnualReportPrefill),
    enabled: year !== null,
    retry: false,
  });

export const useDisclosure = (uscc: string) =>
  useQuery({
    queryKey: annualKeys.disclosure(uscc),
    queryFn: () => api.get(`/api/v1/gs/${uscc}`, DisclosureRecord),
    retry: false,
  });

/** Submissions keep one idempotency key per intent, so a retry of the same click files once. */
export const useFileReport = (companyId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: FileAnnualReportBody; key: string }) =>
      api.post(`${base(companyId)}/annual-reports`, body, AnnualReportFiled, { idempotencyKey: key }),
    onSuccess: () => qc.invalidateQueries({ queryKey: annualKeys.all }),
  });
};

export const useCorrectReport = (companyId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: CorrectAnnualReportBody }) =>
      api.post(`${base(companyId)}/annual-reports/${year}/corrections`, body, AnnualReportFiled, {
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: annualKeys.all }),
  });
};

export const useApplyRemoval = (companyId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post(`${base(companyId)}/abnormal-list/removal`, {}, RemovalResult, {
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: annualKeys.all }),
  });
};
