import { apiHeaders, urlOf } from './client';
import { eventsApi } from '../../../shared/api/contracts/events';
import { StreamEvent } from '../../../shared/api/events';

export type { StreamEvent } from '../../../shared/api/events';

/**
 * Reads the platform's Server-Sent Events over fetch (so the bearer token travels in a header,
 * never in a URL), reconnecting with backoff until stopped.
 */
export const subscribeEvents = (onEvent: (e: StreamEvent) => void): (() => void) => {
  const controller = new AbortController();
  let delay = 500;
  const run = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const res = await fetch(urlOf(eventsApi.events), {
          headers: apiHeaders(),
          signal: controller.signal,
        });
        if (res.status === 401) return;
        if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
        delay = 500;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let split: number;
          while ((split = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, split);
            buffer = buffer.slice(split + 2);
            let type = 'message';
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) type = line.slice(7);
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (data) {
              let parsed: ReturnType<typeof StreamEvent.safeParse> | undefined;
              try {
                parsed = StreamEvent.safeParse({ type, data: JSON.parse(data) as unknown });
              } catch {
                // Not JSON: skipped below.
              }
              // A malformed event, or one of a type this build does not know, is skipped; the stream goes on.
              if (parsed?.success) onEvent(parsed.data);
            }
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  };
  void run();
  return () => controller.abort();
};
