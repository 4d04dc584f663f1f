import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { subscribeEvents } from '../api/events';
import { useSession } from '../state/session';
import { desktop } from '../desktop';
import { eventHandlers } from './event-handlers';
import { announceLocalized } from '../components/announce';

/** Keeps one SSE stream open while signed in; events refresh the affected queries at once. */
export const useLiveEvents = (): void => {
  const token = useSession((s) => s.token);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!token) return;
    return subscribeEvents((event) => {
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      for (const handler of eventHandlers) {
        const outcome = handler(event, queryClient);
        if (outcome?.notify) {
          const lang = i18n.language === 'en' ? 'en' : 'zh';
          void desktop.notify(outcome.notify.title[lang], outcome.notify.body[lang]);
          const { title, body } = outcome.notify;
          announceLocalized({ zh: `${title.zh}：${body.zh}`, en: `${title.en}: ${body.en}` });
        }
        if (outcome?.announce) announceLocalized(outcome.announce);
      }
    });
  }, [token, queryClient]);
};
