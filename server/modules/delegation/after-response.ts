import type { FastifyReply } from 'fastify';

/**
 * Runs `fn` once the response has gone out. Idempotent routes run their handler inside the
 * transaction that records the key, so events must wait until that transaction has committed;
 * the response is only sent after it has.
 */
export const afterResponse = (reply: FastifyReply, fn: () => Promise<void>): void => {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    fn().catch((e: unknown) => reply.log.error({ err: e }, 'after-response task failed'));
  };
  reply.raw.once('finish', run);
  reply.raw.once('close', run);
};
