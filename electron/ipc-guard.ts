import type { z } from 'zod';
import { isTrustedSender, type SenderFrameLike } from './guards/sender';

/** The part of Electron's `IpcMainInvokeEvent` the guard reads. */
export type InvokeEventLike = { readonly senderFrame: SenderFrameLike | null };

export class IpcRefusedError extends Error {
  constructor(
    readonly channel: string,
    readonly reason: 'untrusted-sender' | 'invalid-arguments',
  ) {
    super(`IPC ${channel} refused: ${reason}`);
    this.name = 'IpcRefusedError';
  }
}

/**
 * Wraps an IPC handler so it runs only for a trusted sender frame (main frame of the app origin)
 * and with arguments that pass its zod tuple. The handler receives the parsed, typed arguments.
 */
export const guardedHandler =
  <A extends z.ZodTuple, R>(
    channel: string,
    args: A,
    getAppOrigin: () => string | null,
    handler: (...parsed: z.infer<A>) => R | Promise<R>,
  ) =>
  async (event: InvokeEventLike, ...raw: unknown[]): Promise<Awaited<R>> => {
    if (!isTrustedSender(event.senderFrame, getAppOrigin()))
      throw new IpcRefusedError(channel, 'untrusted-sender');
    const parsed = args.safeParse(raw);
    if (!parsed.success) throw new IpcRefusedError(channel, 'invalid-arguments');
    return await handler(...(parsed.data as z.infer<A>));
  };
