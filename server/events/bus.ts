import { EventEmitter } from 'node:events';

export type UserEvent = { type: string; data: Record<string, unknown> };

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

  subscribe(personId: string, listener: (event: UserEvent) => void): () => void {
    this.emitter.on(personId, listener);
    return () => this.emitter.off(personId, listener);
  }

  listenerCount(personId: string): number {
    return this.emitter.listenerCount(personId);
  }
}
