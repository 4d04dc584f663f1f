import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import type { EventData } from '../../../shared/api/events';

/**
 * `registration.updated` to these people through the event outbox — inside the transaction of the
 * change when `db` is it (idempotent routes), otherwise right after the service's own commit.
 */
export const announceUpdate = (
  app: AppContext,
  personIds: readonly string[],
  data: EventData<'registration.updated'>,
  db?: DbOrTx,
): Promise<void> => app.bus.publishTo(personIds, { type: 'registration.updated', data }, db);
