import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../api/client';
import { useSession } from '../../state/session';
import {
  DueList,
  InvoiceImportReport,
  InvoiceLinesPage,
  Prefill,
  ReturnDetail,
  ReturnList,
  type ReturnForm,
  type ReturnInput,
} from '../../../../shared/api/tax';
import { DeadlinesResponse } from '../../../../shared/calendar/deadlines';
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

const base = (companyId: string) => `/api/v1/companies/${companyId}`;

export const useMyDue = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: taxKeys.myDue,
    queryFn: () => api.get('/api/v1/tax/due', DueList),
    enabled: !!token,
  });
};

export const useCompanyDue = (companyId: string) =>
  useQuery({
    queryKey: taxKeys.companyDue(companyId),
    queryFn: () => api.get(`${base(companyId)}/tax/due`, DueList),
  });

export const useReturns = (companyId: string) =>
  useQuery({
    queryKey: taxKeys.returns(companyId),
    queryFn: () => api.get(`${base(companyId)}/tax/returns`, ReturnList),
  });

export const useReturn = (companyId: string, id: string) =>
  useQuery({
    queryKey: taxKeys.detail(companyId, id),
    queryFn: () => api.get(`${base(companyId)}/tax/returns/${id}`, ReturnDetail),
  });

export const usePrefill = (companyId: string, form: ReturnForm, periodKey: string, correction: boolean) =>
  useQuery({
    queryKey: taxKeys.prefill(companyId, form, periodKey, correction),
    queryFn: () =>
      api.get(
        `${base(companyId)}/tax/prefill?form=${form}&periodKey=${periodKey}${correction ? '&correction=true' : ''}`,
        Prefill,
      ),
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
      api.get(
        `${base(companyId)}/tax/invoice-lines?periodKey=${periodKey}&offset=${(page - 1) * PAGE_SIZE}&limit=${PAGE_SIZE}`,
        InvoiceLinesPage,
      ),
    enabled,
  });

export const useDeadlines = (year: number) =>
  useQuery({
    queryKey: taxKeys.deadlines(year),
    queryFn: () => api.get(`/api/v1/tax/deadlines?year=${year}`, DeadlinesResponse),
  });

/** Submissions carry their own idempotency key: a retried click cannot file twice. */
export const taxApi = {
  saveDraft: (companyId: string, period: TaxPeriod, input: ReturnInput) =>
    api.put(`${base(companyId)}/tax/drafts`, { period, input }, ReturnDetail),
  submit: (
    companyId: string,
    body: { period: TaxPeriod; input: ReturnInput; confirmedTotal: string; correction?: boolean },
    idempotencyKey: string,
  ) => api.post(`${base(companyId)}/tax/returns`, body, ReturnDetail, { idempotencyKey }),
  fileZero: (companyId: string, period: TaxPeriod) =>
    api.post(`${base(companyId)}/tax/zero-returns`, { period }, ReturnDetail, {
      idempotencyKey: newIdempotencyKey(),
    }),
  pay: (companyId: string, paymentId: string) =>
    api.post(`${base(companyId)}/tax/payments/${paymentId}/pay`, {}, ReturnDetail, {
      idempotencyKey: newIdempotencyKey(),
    }),
  importInvoices: (companyId: string, fileName: string, contentBase64: string) =>
    api.post(`${base(companyId)}/invoices/imports`, { fileName, contentBase64 }, InvoiceImportReport, {
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
