import type { QueryClient } from '@tanstack/react-query';
import type { EventHandler } from '../../app/event-handlers';
import type { BatchDetail } from '../../../../shared/api/firms';
import { isDelegationEvent } from '../../../../shared/api/events';
import { firmKeys } from './api';

const lastRefetch = new Map<string, number>();

/**
 * Refetches a batch's per-client list at most once a second while it runs, and once more at the end.
 * The final refetch first cancels a fetch in flight: a first load started before the batch ended
 * would otherwise absorb the refetch (TanStack dedupes onto it) and leave the page at 100% but
 * "running" until reloaded.
 */
const refetchThrottled = (
  queryClient: QueryClient,
  firmId: string,
  batchId: string,
  final: boolean,
): void => {
  const now = Date.now();
  if (!final && now - (lastRefetch.get(batchId) ?? 0) < 1000) return;
  lastRefetch.set(batchId, now);
  const queryKey = firmKeys.batch(firmId, batchId);
  if (!final) {
    void queryClient.invalidateQueries({ queryKey });
    return;
  }
  lastRefetch.delete(batchId);
  void queryClient
    .cancelQueries({ queryKey, exact: true })
    .then(() => queryClient.invalidateQueries({ queryKey, exact: true }));
  void queryClient.invalidateQueries({ queryKey: firmKeys.firm(firmId) });
};

/**
 * batch.progress: the progress bar moves with every event (counts patched into the cached batch),
 * the per-client results follow at most once a second. delegation.* changes refresh the firm views.
 */
export const firmEventHandler: EventHandler = (event, queryClient) => {
  if (isDelegationEvent(event)) {
    void queryClient.invalidateQueries({ queryKey: firmKeys.all });
    return undefined;
  }
  if (event.type !== 'batch.progress') return undefined;
  const p = event.data;
  const firmId = p.firmId;
  if (!firmId) return undefined;
  queryClient.setQueryData(firmKeys.batch(firmId, p.batchId), (old: BatchDetail | undefined) =>
    old ? { ...old, status: p.status, counts: p.counts } : old,
  );
  void queryClient.invalidateQueries({ queryKey: firmKeys.batches(firmId), exact: true });
  refetchThrottled(queryClient, firmId, p.batchId, p.status !== 'running');
  return undefined;
};
