import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context';

/**
 * Announces a change once the response has gone out, i.e. after the handler's transaction (which
 * for idempotent routes also records the key) has committed: events must not announce a rollback.
 */
export const publishAfterCommit = (
  reply: FastifyReply,
  app: AppContext,
  personIds: readonly string[],
  event: { type: string; data: Record<string, unknown> },
): void => {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    // An error answer means the transaction rolled back: nothing to announce.
    if (reply.statusCode >= 400) return;
    for (const id of new Set(personIds)) app.bus.publish(id, event);
  };
  reply.raw.once('finish', run);
  reply.raw.once('close', run);
};

/** `attachment; filename*=` with the UTF-8 name (Chinese) and an ASCII fallback. */
export const attachment = (fileName: string, fallback: string): string =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
