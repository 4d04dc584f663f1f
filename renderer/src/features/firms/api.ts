import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, newIdempotencyKey } from '../../api/client';
import { useSession } from '../../state/session';
import {
  BatchDetail,
  BatchList,
  BatchView,
  ClientAdded,
  Done,
  FirmRequestResult,
  ImportReport,
  InviteResult,
  Ledger,
  MyFirms,
  Roster,
  SavedViews,
  TeamView,
  ZeroFilingPreview,
  type AddClientBody,
  type ClientSelection,
  type FirmDelegationRequestBody,
  type InviteBody,
  type ImportBody,
  type SaveViewBody,
} from '../../../../shared/api/firms';
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

const base = (firmId: string) => `/api/v1/firms/${firmId}`;
const once = () => ({ idempotencyKey: newIdempotencyKey() });

export const useMyFirms = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: firmKeys.mine,
    queryFn: () => api.get('/api/v1/firms', MyFirms),
    enabled: !!token,
  });
};

export const useTeam = (firmId: string) =>
  useQuery({ queryKey: firmKeys.team(firmId), queryFn: () => api.get(`${base(firmId)}/team`, TeamView) });

export type DecodedRoster = Omit<Roster, 'rows'> & { rows: RosterRow[] };

/** The roster, decoded once per fetch (10,000 tuples → objects with a search key). */
export const useRoster = (firmId: string) => {
  const q = useQuery({
    queryKey: firmKeys.roster(firmId),
    queryFn: () => api.get(`${base(firmId)}/roster`, Roster),
    staleTime: 30_000,
  });
  const decoded = useMemo<DecodedRoster | undefined>(
    () => (q.data ? { ...q.data, rows: q.data.rows.map(decodeRosterRow) } : undefined),
    [q.data],
  );
  return { ...q, decoded };
};

export const useSavedViews = (firmId: string) =>
  useQuery({ queryKey: firmKeys.views(firmId), queryFn: () => api.get(`${base(firmId)}/views`, SavedViews) });
export const useLedger = (firmId: string) =>
  useQuery({
    queryKey: firmKeys.ledger(firmId),
    queryFn: () => api.get(`${base(firmId)}/delegations`, Ledger),
  });
export const useBatches = (firmId: string) =>
  useQuery({
    queryKey: firmKeys.batches(firmId),
    queryFn: () => api.get(`${base(firmId)}/batches`, BatchList),
  });
export const useBatch = (firmId: string, batchId: string) =>
  useQuery({
    queryKey: firmKeys.batch(firmId, batchId),
    queryFn: () => api.get(`${base(firmId)}/batches/${batchId}`, BatchDetail),
  });

/** Every submission carries a fresh idempotency key: a double click cannot act twice. */
export const firmApi = {
  invite: (firmId: string, body: InviteBody) => api.post(`${base(firmId)}/staff`, body, InviteResult, once()),
  removeMember: (firmId: string, personId: string) =>
    api.post(`${base(firmId)}/staff/${personId}/remove`, {}, Done, once()),
  answerInvite: (inviteId: string, accept: boolean) =>
    api.post(`/api/v1/firm-invites/${inviteId}/${accept ? 'accept' : 'decline'}`, {}, Done, once()),
  createGroup: (firmId: string, name: string) => api.post(`${base(firmId)}/groups`, { name }, Done, once()),
  renameGroup: (firmId: string, groupId: string, name: string) =>
    api.put(`${base(firmId)}/groups/${groupId}`, { name }, Done),
  deleteGroup: (firmId: string, groupId: string) => api.delete(`${base(firmId)}/groups/${groupId}`, Done),
  setGroupStaff: (firmId: string, groupId: string, staffIds: string[]) =>
    api.put(`${base(firmId)}/groups/${groupId}/staff`, { staffIds }, Done),
  groupClients: (firmId: string, groupId: string, change: { add?: string[]; remove?: string[] }) =>
    api.post(`${base(firmId)}/groups/${groupId}/clients`, change, Done),
  saveView: (firmId: string, body: SaveViewBody) => api.post(`${base(firmId)}/views`, body, Done, once()),
  deleteView: (firmId: string, viewId: string) => api.delete(`${base(firmId)}/views/${viewId}`, Done),
  addClient: (firmId: string, body: AddClientBody) =>
    api.post(`${base(firmId)}/clients`, body, ClientAdded, once()),
  requestDelegation: (firmId: string, companyId: string, body: FirmDelegationRequestBody) =>
    api.post(`${base(firmId)}/clients/${companyId}/delegation-requests`, body, FirmRequestResult, once()),
  importClients: (firmId: string, body: ImportBody) =>
    api.post(`${base(firmId)}/clients/import`, body, ImportReport),
  resend: (firmId: string, delegationId: string) =>
    api.post(`${base(firmId)}/delegations/${delegationId}/resend`, {}, FirmRequestResult, once()),
  renewals: (firmId: string, withinDays: number) =>
    api.post(`${base(firmId)}/delegations/renewals`, { withinDays }, BatchView, once()),
  previewZero: (firmId: string, periodKey: string, clients: ClientSelection) =>
    api.post(`${base(firmId)}/batches/zero-filing/preview`, { periodKey, clients }, ZeroFilingPreview),
  startZero: (firmId: string, periodKey: string, clients: ClientSelection, key: string) =>
    api.post(`${base(firmId)}/batches/zero-filing`, { periodKey, clients }, BatchView, {
      idempotencyKey: key,
    }),
  exportReceipts: (firmId: string, periodKey: string, companyIds: string[]) =>
    api.post(
      `${base(firmId)}/batches/receipt-export`,
      { periodKey, clients: { companyIds } },
      BatchView,
      once(),
    ),
  retry: (firmId: string, batchId: string) =>
    api.post(`${base(firmId)}/batches/${batchId}/retry`, {}, BatchView, once()),
  cancel: (firmId: string, batchId: string) =>
    api.post(`${base(firmId)}/batches/${batchId}/cancel`, {}, Done, once()),
  download: (path: string, fileName: string) => api.download(path, fileName),
  base,
};

/** After a change: refresh this firm's views (and the firm list, which counts clients). */
export const useRefreshFirm = (firmId: string) => {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: firmKeys.firm(firmId) });
    void queryClient.invalidateQueries({ queryKey: firmKeys.mine });
  };
};
