import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../api/client';
import { useSession } from '../../state/session';
import { annualReportsApi } from '../../../../shared/api/contracts/annual-reports';
import type { CorrectAnnualReportBody, FileAnnualReportBody } from '../../../../shared/api/annual-reports';

export const annualKeys = {
  all: ['annual'] as const,
  myDue: ['annual', 'due'] as const,
  overview: (companyId: string) => ['annual', 'overview', companyId] as const,
  prefill: (companyId: string, year: number) => ['annual', 'prefill', companyId, year] as const,
  disclosure: (uscc: string) => ['annual', 'disclosure', uscc] as const,
};

export const useMyAnnualDue = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: annualKeys.myDue,
    queryFn: () => api.call(annualReportsApi.myDue),
    enabled: !!token,
  });
};

export const useAnnualOverview = (companyId: string) =>
  useQuery({
    queryKey: annualKeys.overview(companyId),
    queryFn: () => api.call(annualReportsApi.overview, { params: { companyId } }),
  });

export const usePrefill = (companyId: string, year: number | null) =>
  useQuery({
    queryKey: annualKeys.prefill(companyId, year ?? 0),
    // Runs only once a year is chosen (`enabled`), so `year` is set here.
    queryFn: () => api.call(annualReportsApi.prefill, { params: { companyId, year: year ?? 0 } }),
    enabled: year !== null,
    retry: false,
  });

export const useDisclosure = (uscc: string) =>
  useQuery({
    queryKey: annualKeys.disclosure(uscc),
    queryFn: () => api.call(annualReportsApi.disclosure, { params: { uscc } }),
    retry: false,
  });

/** Submissions keep one idempotency key per intent, so a retry of the same click files once. */
export const useFileReport = (companyId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: FileAnnualReportBody; key: string }) =>
      api.call(annualReportsApi.file, { params: { companyId }, body, idempotencyKey: key }),
    onSuccess: () => qc.invalidateQueries({ queryKey: annualKeys.all }),
  });
};

export const useCorrectReport = (companyId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: CorrectAnnualReportBody }) =>
      api.call(annualReportsApi.correct, {
        params: { companyId, year },
        body,
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: annualKeys.all }),
  });
};

export const useApplyRemoval = (companyId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.call(annualReportsApi.removal, { params: { companyId }, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: annualKeys.all }),
  });
};
