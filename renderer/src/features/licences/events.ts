import type { EventHandler } from '../../app/event-handlers';
import { text } from '../../../../shared/text';
import { licenceKeys } from './api';
import { licenceMessages } from './i18n';

const n = { zh: licenceMessages.zh.notify, en: licenceMessages.en.notify };

/** Licence events: refresh wallets, checklists and applications; notify when an application moves. */
export const licenceEventHandler: EventHandler = (event, queryClient) => {
  switch (event.type) {
    case 'licence.application.submitted':
    case 'licence.share.created':
      void queryClient.invalidateQueries({ queryKey: licenceKeys.all });
      return undefined;
    case 'licence.application.updated': {
      void queryClient.invalidateQueries({ queryKey: licenceKeys.all });
      const approved = event.data.status === 'approved';
      return {
        notify: {
          title: text(n.zh.updated, n.en.updated),
          body: approved ? text(n.zh.issued, n.en.issued) : text(n.zh.updated, n.en.updated),
        },
      };
    }
    default:
      return undefined;
  }
};
