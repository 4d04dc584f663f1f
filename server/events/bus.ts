import { EventEmitter } from 'node:events';

export type UserEvent = { type: string; data: Record<string, unknown> };

/** The control event that ends a person's open streams; never forwarded to clients. */
export const SESSION_REVOKED = 'session.revoked';

/** Whether a `session.revoked` event ends the stream of `sessionId`. */
export const revokes = (event: UserEvent, sessionId: string): boolean => {
  if (event.type !== SESSION_REVOKED) return false;
  const ids = event.data.sessionIds;
  return ids === null || (Array.isArray(ids) && ids.includes(sessionId));
};

/**
 * Per-person event fan-out to open SSE streams. In-process; a multi-process deployment would relay
 * through PostgreSQL LISTEN/NOTIFY (see docs/operations.md).
 */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(personId: string, event: UserEvent): void {
    this.emitter.emit(personId, event);
  }

  /**
   * Control event: the named sessions (or, without ids, every session) of this person ended. Open
   * streams of those sessions close at once. It travels like any event, so once events fan out
   * across instances it closes streams everywhere.
   */
  revokeSessions(personId: string, sessionIds?: string[]): void {
    this.publish(personId, { type: SESSION_REVOKED, data: { sessionIds: sessionIds ?? null } });
  }

  subscribe(personId: string, listener: (event: UserEvent) => void): () => void {
    this.emitter.on(personId, listener);
    return () => this.emitter.off(personId, listener);
  }

  listenerCount(personId: string): number {
    return this.emitter.listenerCount(personId);
  }
}
