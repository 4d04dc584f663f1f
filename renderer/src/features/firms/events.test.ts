import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { BatchDetail, BatchProgressData } from '../../../../shared/api/firms';
import { firmKeys } from './api';
import { firmEventHandler } from './events';

const firmId = '00000000-0000-4000-8000-000000000001';
const batchId = '00000000-0000-4000-8000-000000000002';
const counts = (pending: number, done: number) => ({
  pending,
  running: 0,
  done,
  skipped: 0,
  failed: 0,
  cancelled: 0,
});
const detail = (status: BatchDetail['status'], pending: number): BatchDetail => ({
  id: batchId,
  kind: 'zero-filing',
  firmId,
  status,
  title: { zh: '零申报', en: 'Nil returns' },
  total: 2,
  counts: counts(pending, 2 - pending),
  ownerName: '黄丽',
  createdAt: '2026-04-01T00:00:00.000Z',
  finishedAt: null,
  hasOutput: false,
  items: [],
});

describe('batch.progress', () => {
  it('a batch that ends while its page is still loading is shown as done, not running at 100%', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // The server: the first read happens after the last item but before the batch is marked done.
    let serverState = detail('running', 0);
    const answers: ((d: BatchDetail) => void)[] = [];
    const observer = new QueryObserver(queryClient, {
      queryKey: firmKeys.batch(firmId, batchId),
      queryFn: () => new Promise<BatchDetail>((resolve) => answers.push(resolve)),
    });
    const unsubscribe = observer.subscribe(() => undefined);
    expect(answers).toHaveLength(1);
    const firstRead = serverState;

    // The batch finishes; its final event arrives while that first read is in flight.
    serverState = detail('done', 0);
    const data: BatchProgressData = { batchId, firmId, status: 'done', total: 2, counts: counts(0, 2) };
    firmEventHandler({ type: 'batch.progress', data }, queryClient);
    await new Promise((r) => setImmediate(r));
    answers[0]!(firstRead);
    // Every read started after the event sees the finished batch.
    for (let round = 0; round < 2; round += 1) {
      for (const answer of answers.slice(1)) answer(serverState);
      await new Promise((r) => setImmediate(r));
    }

    expect(queryClient.getQueryData<BatchDetail>(firmKeys.batch(firmId, batchId))?.status).toBe('done');
    unsubscribe();
    queryClient.clear();
  });
});
