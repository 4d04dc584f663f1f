import type { EventHandler } from '../../app/event-handlers';
import { text } from '../../../../shared/text';
import { licenceKeys } from './api';
import { licenceMessages } from './i18n';

const n = { zh: licenceMessages.zh.notify, en: licenceMessages.en.notify };

/** licence.* events: refresh wallets, checklists and applications; notify when an application moves. */
export const licenceEventHandler: EventHandler = (event, queryClient) => {
  if (!event.type.startsWith('licence.')) return;
  void queryClient.invalidateQueries({ queryKey: licenceKeys.all });
  if (event.type === 'licence.application.updated') {
    const approved = event.data.status === 'approved';
    return {
      notify: {
        title: text(n.zh.updated, n.en.updated),
        body: approved ? text(n.zh.issued, n.en.issued) : text(n.zh.updated, n.en.updated),
      },
    };
  }
};
