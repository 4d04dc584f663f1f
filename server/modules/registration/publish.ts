import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context';

/**
 * Publishes `registration.updated` to these people once a successful response has gone out, i.e.
 * after the handler's transaction (for idempotent routes also the key's) has committed.
 */
export const publishAfterCommit = (
  reply: FastifyReply,
  app: AppContext,
  personIds: readonly string[],
  data: Record<string, unknown>,
): void => {
  reply.raw.once('finish', () => {
    if (reply.statusCode >= 400) return;
    for (const id of new Set(personIds)) app.bus.publish(id, { type: 'registration.updated', data });
  });
};
