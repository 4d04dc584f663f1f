import type { EventHandler } from '../../app/event-handlers';
import { isDelegationEvent } from '../../../../shared/api/events';
import { APPROVALS_KEY } from './api';

/** A request asked, answered or withdrawn anywhere (or a registration moved): the queue refreshes. */
export const approvalsEventHandler: EventHandler = (event, queryClient) => {
  if (isDelegationEvent(event) || event.type === 'registration.updated')
    void queryClient.invalidateQueries({ queryKey: APPROVALS_KEY });
  return undefined;
};
