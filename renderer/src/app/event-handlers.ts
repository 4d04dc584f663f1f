import type { QueryClient } from '@tanstack/react-query';
import type { ServerEvent } from '../api/events';
import type { LocalizedText } from '../../../shared/text';

export type EventOutcome = { notify?: { title: LocalizedText; body: LocalizedText } } | undefined;
export type EventHandler = (event: ServerEvent, queryClient: QueryClient) => EventOutcome;

/** Features register how their events refresh the UI and whether to raise a desktop notification. */
export const eventHandlers: EventHandler[] = [
  (event, queryClient) => {
    if (event.type.startsWith('company.') || event.type.startsWith('delegation.')) {
      void queryClient.invalidateQueries({ queryKey: ['companies'] });
    }
    return undefined;
  },
];
