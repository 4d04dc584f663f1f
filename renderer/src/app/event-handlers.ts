import type { QueryClient } from '@tanstack/react-query';
import type { StreamEvent } from '../api/events';
import type { LocalizedText } from '../../../shared/text';

/** `notify` raises a desktop notification and is spoken in the live region; `announce` is only spoken. */
export type EventOutcome =
  { notify?: { title: LocalizedText; body: LocalizedText }; announce?: LocalizedText } | undefined;
/** Handlers switch on `event.type`: each case sees that event's own payload. */
export type EventHandler = (event: StreamEvent, queryClient: QueryClient) => EventOutcome;

const loaders: (() => Promise<void>)[] = [];
let loaded: Promise<void> | undefined;

/**
 * A handler whose code (and the contracts it parses) is fetched with the signed-in frame rather
 * than in the first download: register what this returns; the frame renders, and the event stream
 * opens, only once loadEventHandlers() has fetched them all.
 */
export const lazyEventHandler = (load: () => Promise<EventHandler>): EventHandler => {
  let handler: EventHandler | undefined;
  loaders.push(async () => {
    handler = await load();
  });
  return (event, queryClient) => handler?.(event, queryClient);
};

/** Features register how their events refresh the UI and whether to raise a desktop notification. */
export const eventHandlers: EventHandler[] = [
  // Any delegation event changes what the company list shows. Its type guard comes with the
  // contracts (zod), fetched with the signed-in frame.
  lazyEventHandler(() =>
    import('../../../shared/api/events').then(
      ({ isDelegationEvent }): EventHandler =>
        (event, queryClient) => {
          if (isDelegationEvent(event)) void queryClient.invalidateQueries({ queryKey: ['companies'] });
          return undefined;
        },
    ),
  ),
];

export const loadEventHandlers = (): Promise<void> =>
  (loaded ??= Promise.all(loaders.map((load) => load())).then(() => undefined));
