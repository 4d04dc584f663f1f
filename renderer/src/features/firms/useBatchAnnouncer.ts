import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchView } from '../../../../shared/api/firms';
import { announce } from '../../components/announce';
import { useLocalized } from '../../components/useLang';
import { finishedShare } from './BatchesTab';

/** Progress is spoken at each quarter: every batch.progress event would flood a screen reader. */
const STEP = 25;

type Seen = { id: string; step: number; running: boolean };

/**
 * Speaks a batch's progress and its end through the live region, each once: at 25 %, 50 % and
 * 75 % while it runs and when it finishes (done or cancelled, with the counts). What was already
 * true when the page opened is on screen and not spoken.
 */
export const useBatchAnnouncer = (batch: BatchView | undefined): void => {
  const { t } = useTranslation();
  const l = useLocalized();
  const seen = useRef<Seen | null>(null);
  useEffect(() => {
    if (!batch) return;
    const step = Math.floor(finishedShare(batch) / STEP);
    const running = batch.status === 'running';
    const before = seen.current;
    seen.current = { id: batch.id, step, running };
    if (!before || before.id !== batch.id) return;
    const title = l(batch.title);
    const counts = t('firms.batch.counts', batch.counts);
    if (before.running && !running)
      announce(
        t('firms.batch.announce.finished', {
          title,
          status: t(`firms.batch.status.${batch.status}`),
          counts,
        }),
      );
    else if (running && step > before.step && step * STEP < 100)
      announce(t('firms.batch.announce.progress', { title, percent: step * STEP, counts }));
  }, [batch, t, l]);
};
