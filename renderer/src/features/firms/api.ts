import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, newIdempotencyKey, urlOf } from '../../api/client';
import { useSession } from '../../state/session';
import type {
  AddClientBody,
  AnnualReportBatchItem,
  AnnualReportClients,
  ClientSelection,
  FirmDelegationRequestBody,
  InviteBody,
  ImportBody,
  PreflightOverride,
  Roster,
  SaveViewBody,
} from '../../../../shared/api/firms';
import { firmsTeamApi } from '../../../../shared/api/contracts/firms-team';
import { firmsClientsApi } from '../../../../shared/api/contracts/firms-clients';
import { firmsLedgerApi } from '../../../../shared/api/contracts/firms-ledger';
import { firmsBatchesApi } from '../../../../shared/api/contracts/firms-batches';
import { firmsAnnualReportsApi } from '../../../../shared/api/contracts/firms-annual-reports';
import { decodeRosterRow, type RosterRow } from '../../../../shared/firms/roster';

export const firmKeys = {
  all: ['firms'] as const,
  mine: ['firms', 'mine'] as const,
  firm: (firmId: string) => ['firms', firmId] as const,
  team: (firmId: string) => ['firms', firmId, 'team'] as const,
  roster: (firmId: string) => ['firms', firmId, 'roster'] as const,
  views: (firmId: string) => ['firms', firmId, 'views'] as const,
  ledger: (firmId: string) => ['firms', firmId, 'ledger'] as const,
  batches: (firmId: string) => ['firms', firmId, 'batches'] as const,
  batch: (firmId: string, batchId: string) => ['firms', firmId, 'batches', batchId] as const,
};

const once = () => ({ idempotencyKey: newIdempotencyKey() });

export const useMyFirms = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: firmKeys.mine,
    queryFn: () => api.call(firmsTeamApi.mine),
    enabled: !!token,
  });
};

export const useTeam = (firmId: string) =>
  useQuery({
    queryKey: firmKeys.team(firmId),
    queryFn: () => api.call(firmsTeamApi.team, { params: { firmId } }),
  });

export type DecodedRoster = Omit<Roster, 'rows'> & { rows: RosterRow[] };

/** The roster, decoded once per fetch (10,000 tuples → objects with a search key). */
export const useRoster = (firmId: string) => {
  const q = useQuery({
    queryKey: firmKeys.roster(firmId),
    queryFn: () => api.call(firmsClientsApi.roster, { params: { firmId } }),
    staleTime: 30_000,
  });
  const decoded = useMemo<DecodedRoster | undefined>(
    () => (q.data ? { ...q.data, rows: q.data.rows.map(decodeRosterRow) } : undefined),
    [q.data],
  );
  return { ...q, decoded };
};

export const useSavedViews = (firmId: string) =>
  useQuery({
    queryKey: firmKeys.views(firmId),
    queryFn: () => api.call(firmsClientsApi.views, { params: { firmId } }),
  });
export const useLedger = (firmId: string) =>
  useQuery({
    queryKey: firmKeys.ledger(firmId),
    queryFn: () => api.call(firmsLedgerApi.ledger, { params: { firmId } }),
  });
export const useBatches = (firmId: string) =>
  useQuery({
    queryKey: firmKeys.batches(firmId),
    queryFn: () => api.call(firmsBatchesApi.list, { params: { firmId } }),
  });
export const useBatch = (firmId: string, batchId: string) =>
  useQuery({
    queryKey: firmKeys.batch(firmId, batchId),
    queryFn: () => api.call(firmsBatchesApi.detail, { params: { firmId, batchId } }),
  });

/** Every submission carries a fresh idempotency key: a double click cannot act twice. */
export const firmApi = {
  invite: (firmId: string, body: InviteBody) =>
    api.call(firmsTeamApi.invite, { params: { firmId }, body, ...once() }),
  removeMember: (firmId: string, personId: string) =>
    api.call(firmsTeamApi.remove, { params: { firmId, personId }, ...once() }),
  answerInvite: (inviteId: string, accept: boolean) =>
    api.call(accept ? firmsTeamApi.acceptInvite : firmsTeamApi.declineInvite, {
      params: { inviteId },
      ...once(),
    }),
  createGroup: (firmId: string, name: string) =>
    api.call(firmsTeamApi.createGroup, { params: { firmId }, body: { name }, ...once() }),
  renameGroup: (firmId: string, groupId: string, name: string) =>
    api.call(firmsTeamApi.renameGroup, { params: { firmId, groupId }, body: { name } }),
  deleteGroup: (firmId: string, groupId: string) =>
    api.call(firmsTeamApi.deleteGroup, { params: { firmId, groupId } }),
  setGroupStaff: (firmId: string, groupId: string, staffIds: string[]) =>
    api.call(firmsTeamApi.groupStaff, { params: { firmId, groupId }, body: { staffIds } }),
  groupClients: (firmId: string, groupId: string, change: { add?: string[]; remove?: string[] }) =>
    api.call(firmsTeamApi.groupClients, { params: { firmId, groupId }, body: change }),
  saveView: (firmId: string, body: SaveViewBody) =>
    api.call(firmsClientsApi.saveView, { params: { firmId }, body, ...once() }),
  deleteView: (firmId: string, viewId: string) =>
    api.call(firmsClientsApi.deleteView, { params: { firmId, viewId } }),
  addClient: (firmId: string, body: AddClientBody) =>
    api.call(firmsClientsApi.addClient, { params: { firmId }, body, ...once() }),
  requestDelegation: (firmId: string, companyId: string, body: FirmDelegationRequestBody) =>
    api.call(firmsClientsApi.request, { params: { firmId, companyId }, body, ...once() }),
  requestHandover: (firmId: string, companyId: string, body: FirmDelegationRequestBody) =>
    api.call(firmsClientsApi.handover, { params: { firmId, companyId }, body, ...once() }),
  importClients: (firmId: string, body: ImportBody) =>
    api.call(firmsClientsApi.import, { params: { firmId }, body }),
  resend: (firmId: string, delegationId: string) =>
    api.call(firmsLedgerApi.resend, { params: { firmId, delegationId }, ...once() }),
  renewals: (firmId: string, withinDays: number) =>
    api.call(firmsLedgerApi.renew, { params: { firmId }, body: { withinDays }, ...once() }),
  previewZero: (
    firmId: string,
    periodKey: string,
    clients: ClientSelection,
    overrides: PreflightOverride[] = [],
  ) =>
    api.call(firmsBatchesApi.preview, {
      params: { firmId },
      body: { periodKey, clients, ...(overrides.length ? { overrides } : {}) },
    }),
  startZero: (
    firmId: string,
    periodKey: string,
    clients: ClientSelection,
    key: string,
    overrides: PreflightOverride[] = [],
  ) =>
    api.call(firmsBatchesApi.zeroFiling, {
      params: { firmId },
      body: { periodKey, clients, ...(overrides.length ? { overrides } : {}) },
      idempotencyKey: key,
    }),
  reviewAnnual: (firmId: string, reportYear: number, clients: AnnualReportClients) =>
    api.call(firmsAnnualReportsApi.review, { params: { firmId }, body: { reportYear, clients } }),
  startAnnual: (firmId: string, reportYear: number, items: AnnualReportBatchItem[], key: string) =>
    api.call(firmsAnnualReportsApi.start, {
      params: { firmId },
      body: { reportYear, items },
      idempotencyKey: key,
    }),
  exportReceipts: (firmId: string, periodKey: string, companyIds: string[]) =>
    api.call(firmsBatchesApi.receipt, {
      params: { firmId },
      body: { periodKey, clients: { companyIds } },
      ...once(),
    }),
  retry: (firmId: string, batchId: string) =>
    api.call(firmsBatchesApi.retry, { params: { firmId, batchId }, ...once() }),
  cancel: (firmId: string, batchId: string) =>
    api.call(firmsBatchesApi.cancel, { params: { firmId, batchId }, ...once() }),
  downloadBatch: (firmId: string, batchId: string, fileName: string) =>
    api.download(urlOf(firmsBatchesApi.download, { params: { firmId, batchId } }), fileName),
  downloadImportTemplate: (firmId: string, fileName: string) =>
    api.download(urlOf(firmsClientsApi.template, { params: { firmId } }), fileName),
  downloadLedger: (firmId: string, fileName: string) =>
    api.download(urlOf(firmsLedgerApi.ledgerXlsx, { params: { firmId } }), fileName),
  downloadRoster: (firmId: string, fileName: string) =>
    api.download(urlOf(firmsClientsApi.rosterXlsx, { params: { firmId } }), fileName),
};

/** After a change: refresh this firm's views (and the firm list, which counts clients). */
export const useRefreshFirm = (firmId: string) => {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: firmKeys.firm(firmId) });
    void queryClient.invalidateQueries({ queryKey: firmKeys.mine });
  };
};
