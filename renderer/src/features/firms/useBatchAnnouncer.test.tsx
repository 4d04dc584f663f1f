// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import type { BatchView } from '../../../../shared/api/firms';
import { renderWithApp } from '../../test/render';
import { useBatchAnnouncer } from './useBatchAnnouncer';

const Probe = ({ batch }: { batch: BatchView }) => {
  useBatchAnnouncer(batch);
  return null;
};

const batchAt = (done: number, status: BatchView['status'] = 'running'): BatchView => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'zero-filing',
  firmId: '00000000-0000-4000-8000-000000000002',
  status,
  title: { zh: '2026年第3季度 增值税零申报', en: '2026 Q3 VAT nil returns' },
  total: 8,
  counts: { pending: 8 - done, running: 0, done, skipped: 0, failed: 0, cancelled: 0 },
  ownerName: '黄丽',
  createdAt: '2026-12-03T02:00:00.000Z',
  finishedAt: null,
  hasOutput: false,
});

/** Records every sentence put in the live region (announce() reuses an element with this id). */
const listen = (): string[] => {
  document.getElementById('st-announcer')?.remove();
  const region = document.createElement('div');
  region.id = 'st-announcer';
  document.body.appendChild(region);
  const heard: string[] = [];
  new MutationObserver(() => {
    if (region.textContent) heard.push(region.textContent);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return heard;
};

describe('batch progress in the live region', () => {
  it('says nothing on opening, then each quarter once and the end once', async () => {
    const heard = listen();
    const view = renderWithApp(<Probe batch={batchAt(1)} />);
    view.rerender(<Probe batch={batchAt(2)} />); // 25 %
    await waitFor(() => expect(heard).toHaveLength(1));
    view.rerender(<Probe batch={batchAt(3)} />); // 37 %: still the same quarter
    view.rerender(<Probe batch={batchAt(4)} />); // 50 %
    await waitFor(() => expect(heard).toHaveLength(2));
    view.rerender(<Probe batch={batchAt(8, 'done')} />);
    await waitFor(() => expect(heard).toHaveLength(3));
    // The finished batch again (a refetch some seconds later): not spoken a second time.
    view.rerender(<Probe batch={{ ...batchAt(8, 'done') }} />);
    await new Promise((r) => setTimeout(r, 150));

    expect(heard).toEqual([
      '2026 Q3 VAT nil returns: 25% processed. Done 2 · not done 0 · failed 0 · queued 6',
      '2026 Q3 VAT nil returns: 50% processed. Done 4 · not done 0 · failed 0 · queued 4',
      '2026 Q3 VAT nil returns: Finished. Done 8 · not done 0 · failed 0 · queued 0',
    ]);
  });

  it('does not speak a batch that was already finished when the page opened', async () => {
    const heard = listen();
    const view = renderWithApp(<Probe batch={batchAt(8, 'done')} />);
    view.rerender(<Probe batch={{ ...batchAt(8, 'done') }} />);
    await new Promise((r) => setTimeout(r, 150));
    expect(heard).toEqual([]);
  });
});
