import type { EventHandler } from '../../app/event-handlers';
import { isDelegationEvent } from '../../../../shared/api/events';
import { text } from '../../../../shared/text';
import { delegationKeys } from './api';
import { delegationMessages } from './i18n';
import { formatDateTime } from '../../components/format';

const date = (iso: string | null): string => (iso ? formatDateTime(iso) : '');

const n = { zh: delegationMessages.zh.notify, en: delegationMessages.en.notify };

/**
 * Delegation events: refresh every delegation list and company view at once (the agent's screen
 * flips to "authorized until …" without a reload) and raise a desktop notification where it matters.
 */
export const delegationEventHandler: EventHandler = (event, queryClient) => {
  if (!isDelegationEvent(event)) return;
  void queryClient.invalidateQueries({ queryKey: delegationKeys.all });
  void queryClient.invalidateQueries({ queryKey: ['companies'] });
  const d = event.data;
  switch (event.type) {
    case 'delegation.approved':
      return {
        notify: {
          title: text(n.zh.approved, n.en.approved),
          body: text(
            n.zh.approvedBody.replace('{{company}}', d.companyName).replace('{{date}}', date(d.validUntil)),
            n.en.approvedBody.replace('{{company}}', d.companyName).replace('{{date}}', date(d.validUntil)),
          ),
        },
      };
    case 'delegation.rejected':
      return {
        notify: { title: text(n.zh.rejected, n.en.rejected), body: text(d.companyName, d.companyName) },
      };
    case 'delegation.revoked':
      return {
        notify: { title: text(n.zh.revoked, n.en.revoked), body: text(d.companyName, d.companyName) },
      };
    case 'delegation.requested':
      // Only the one asked is told; the requester (or her firm) sent it and sees it in her list.
      return d.status === 'pending' && (d.role === undefined || d.role === 'grantor')
        ? {
            notify: { title: text(n.zh.requested, n.en.requested), body: text(d.companyName, d.companyName) },
          }
        : undefined;
    case 'delegation.renewal-due':
      return {
        notify: { title: text(n.zh.renewal, n.en.renewal), body: text(d.companyName, d.companyName) },
      };
    default:
      return undefined;
  }
};
