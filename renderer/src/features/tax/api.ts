import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, urlOf } from '../../api/client';
import { useSession } from '../../state/session';
import type { ReturnForm, ReturnInput } from '../../../../shared/api/tax';
import { taxReturnsApi } from '../../../../shared/api/contracts/tax-returns';
import { taxInvoicesApi } from '../../../../shared/api/contracts/tax-invoices';
import { taxPublicApi } from '../../../../shared/api/contracts/tax-public';
import type { TaxPeriod } from '../../../../shared/tax/period';

export const taxKeys = {
  all: ['tax'] as const,
  myDue: ['tax', 'due'] as const,
  companyDue: (companyId: string) => ['tax', 'due', companyId] as const,
  returns: (companyId: string) => ['tax', 'returns', companyId] as const,
  detail: (companyId: string, id: string) => ['tax', 'return', companyId, id] as const,
  prefill: (companyId: string, form: string, periodKey: string, correction: boolean) =>
    ['tax', 'prefill', companyId, form, periodKey, correction] as const,
  lines: (companyId: string, periodKey: string, page: number) =>
    ['tax', 'lines', companyId, periodKey, page] as const,
  deadlines: (year: number) => ['tax', 'deadlines', year] as const,
};

export const useMyDue = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: taxKeys.myDue,
    queryFn: () => api.call(taxReturnsApi.myDue),
    enabled: !!token,
  });
};

export const useCompanyDue = (companyId: string) =>
  useQuery({
    queryKey: taxKeys.companyDue(companyId),
    queryFn: () => api.call(taxReturnsApi.companyDue, { params: { companyId } }),
  });

export const useReturns = (companyId: string) =>
  useQuery({
    queryKey: taxKeys.returns(companyId),
    queryFn: () => api.call(taxReturnsApi.list, { params: { companyId } }),
  });

export const useReturn = (companyId: string, id: string) =>
  useQuery({
    queryKey: taxKeys.detail(companyId, id),
    queryFn: () => api.call(taxReturnsApi.detail, { params: { companyId, returnId: id } }),
  });

export const usePrefill = (companyId: string, form: ReturnForm, periodKey: string, correction: boolean) =>
  useQuery({
    queryKey: taxKeys.prefill(companyId, form, periodKey, correction),
    queryFn: () =>
      api.call(taxReturnsApi.prefill, {
        params: { companyId },
        query: { form, periodKey, ...(correction ? { correction: 'true' as const } : {}) },
      }),
    retry: false,
    // The form owns the figures once loaded; a background refetch must not overwrite typing.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const PAGE_SIZE = 20;

export const useInvoiceLines = (companyId: string, periodKey: string, page: number, enabled: boolean) =>
  useQuery({
    queryKey: taxKeys.lines(companyId, periodKey, page),
    queryFn: () =>
      api.call(taxInvoicesApi.lines, {
        params: { companyId },
        query: { periodKey, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
      }),
    enabled,
  });

export const useDeadlines = (year: number) =>
  useQuery({
    queryKey: taxKeys.deadlines(year),
    queryFn: () => api.call(taxPublicApi.deadlines, { query: { year } }),
  });

/** Submissions carry their own idempotency key: a retried click cannot file twice. */
export const taxApi = {
  saveDraft: (companyId: string, period: TaxPeriod, input: ReturnInput) =>
    api.call(taxReturnsApi.draft, { params: { companyId }, body: { period, input } }),
  submit: (
    companyId: string,
    body: { period: TaxPeriod; input: ReturnInput; confirmedTotal: string; correction?: boolean },
    idempotencyKey: string,
  ) => api.call(taxReturnsApi.submit, { params: { companyId }, body, idempotencyKey }),
  fileZero: (companyId: string, period: TaxPeriod) =>
    api.call(taxReturnsApi.zero, {
      params: { companyId },
      body: { period },
      idempotencyKey: newIdempotencyKey(),
    }),
  pay: (companyId: string, paymentId: string) =>
    api.call(taxReturnsApi.pay, { params: { companyId, paymentId }, idempotencyKey: newIdempotencyKey() }),
  importInvoices: (companyId: string, fileName: string, contentBase64: string) =>
    api.call(taxInvoicesApi.import, {
      params: { companyId },
      body: { fileName, contentBase64 },
      idempotencyKey: newIdempotencyKey(),
    }),
};

/** After a filing or payment: refresh what is due, the returns and the company views. */
export const useRefreshTax = () => {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: taxKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['licences'] });
  };
};

/** The filing receipt (PDF) of a return. */
export const receiptPdf = (companyId: string, returnId: string, fileName: string): Promise<void> =>
  api.download(urlOf(taxReturnsApi.receipt, { params: { companyId, returnId } }), fileName);
