import type { FastifyReply } from 'fastify';

/**
 * Runs `fn` once the response has gone out, i.e. after the handler's transaction (which for
 * idempotent routes also records the key) has committed: events must not announce a rollback.
 */
export const afterCommit = (reply: FastifyReply, fn: () => void): void => {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    try {
      fn();
    } catch (e) {
      reply.log.error({ err: e }, 'after-commit task failed');
    }
  };
  reply.raw.once('finish', run);
  reply.raw.once('close', run);
};

/** `attachment; filename*=` with the UTF-8 name (Chinese) and an ASCII fallback. */
export const attachmentHeader = (fileName: string, fallback: string): string =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
