import i18n from 'i18next';
import type { EventHandler } from '../../app/event-handlers';
import { api } from '../../api/client';
import { todosApi } from '../../../../shared/api/contracts/todos';
import { desktop } from '../../desktop';
import { announceLocalized } from '../../components/announce';
import { TODOS_KEY } from './api';

let delivering: Promise<void> | undefined;

/**
 * Shows the person's reminders not yet shown on any device as desktop notifications, then marks
 * them shown: on a live `todo.reminder`, and when the stream opens (a reminder sent while the app
 * was closed is shown at the next start). One run at a time, so a burst of events shows each once.
 */
export const deliverPendingReminders = (): Promise<void> =>
  (delivering ??= (async () => {
    try {
      const { reminders } = await api.call(todosApi.pendingReminders);
      if (reminders.length === 0) return;
      const lang = i18n.language === 'en' ? 'en' : 'zh';
      for (const r of reminders) {
        await desktop.notify(r.title[lang], r.body[lang]);
        announceLocalized({ zh: `${r.title.zh}：${r.body.zh}`, en: `${r.title.en}: ${r.body.en}` });
      }
      await api.call(todosApi.ackReminders, { body: { ids: reminders.map((r) => r.id) } });
    } catch {
      // Offline or signed out: the reminders stay pending and are shown next time.
    } finally {
      delivering = undefined;
    }
  })());

export const todosEventHandler: EventHandler = (event, queryClient) => {
  if (event.type === 'ready' || event.type === 'todo.reminder') void deliverPendingReminders();
  if (event.type === 'todo.reminder' || event.type.startsWith('tax.') || event.type.startsWith('delegation.'))
    void queryClient.invalidateQueries({ queryKey: TODOS_KEY });
  return undefined;
};
