import { EventEmitter } from 'node:events';
import { and, asc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { eventOutbox } from '../db/schema';
import type { Db, DbOrTx } from '../db/types';
import type { Listen } from '../db/open';
import type { ServerEvent } from '../../shared/api/events';

/** Every event type and its payload are declared once, in shared/api/events.ts. */
export type { ServerEvent } from '../../shared/api/events';

/** The one PostgreSQL channel every instance listens on. */
export const EVENTS_CHANNEL = 'shangtong_events';
/** Outbox type of the control message that ends a person's (or one session's) open streams. */
const CLOSE_STREAMS = '$close-streams';
/** Outbox type of the control message that drops cached sessions (no stream is closed). */
const SESSIONS_CHANGED = '$sessions-changed';
/** Local emitter key: a person's sessions (or one of them) ended or changed, from either message. */
const SESSIONS_ENDED = '$sessions-ended';
/** pg_notify refuses payloads of 8000 bytes or more; larger events travel by id and are read back. */
const MAX_INLINE_PAYLOAD = 7_900;

type Notification = { i: number; p?: string; t?: string; d?: Record<string, unknown> };

/**
 * Per-person events for open SSE streams, across every platform instance.
 *
 * `publish` writes the event to the outbox and calls pg_notify in the same statement. Given the
 * transaction of the change (`db` = the handler's tx), the event is part of it: PostgreSQL (and
 * PGlite, in-process) delivers the notification only on commit and drops it on rollback, so no
 * event ever announces a change that did not happen. Every instance, the publishing one included,
 * LISTENs and hands what arrives to its own streams: one code path for one instance or many.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private unlisten: (() => Promise<void>) | undefined;
  private lastSeenId = 0;

  constructor(
    private readonly db: Db,
    private readonly listen: Listen,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Starts listening; called once the app is built (buildApp), before it serves requests. */
  async start(): Promise<void> {
    if (this.unlisten) return;
    this.unlisten = await this.listen(
      EVENTS_CHANNEL,
      (payload) => void this.receive(payload),
      () => void this.catchUp(),
    );
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    await unlisten?.();
  }

  /** Announces `event` to `personId` on every instance (inside `db`'s transaction when it is one). */
  async publish(personId: string, event: ServerEvent, db: DbOrTx = this.db): Promise<void> {
    await this.write(personId, event.type, event.data, db);
  }

  /** The same event to several people (each once). */
  async publishTo(personIds: Iterable<string>, event: ServerEvent, db: DbOrTx = this.db): Promise<void> {
    for (const personId of new Set(personIds)) await this.publish(personId, event, db);
  }

  /** Writes an outbox row and notifies every instance; `type` is an event's or the close-streams control's. */
  private async write(personId: string, type: string, data: object, db: DbOrTx): Promise<void> {
    await db.execute(sql`
      with row as (
        insert into event_outbox (person_id, type, data)
        values (${personId}, ${type}, ${JSON.stringify(data)}::jsonb)
        returning id, person_id, type, data
      ), message as (
        select id, json_build_object('i', id, 'p', person_id, 't', type, 'd', data)::text as body from row
      )
      select pg_notify(${EVENTS_CHANNEL},
        case when octet_length(body) < ${MAX_INLINE_PAYLOAD} then body
             else json_build_object('i', id)::text end)
      from message`);
  }

  /**
   * Ends a person's open event streams on every instance — all of them, or only those of one
   * session (sign-out). The stream's client sees the stream end; it must not reconnect unless it
   * still holds a valid session.
   */
  async closeStreams(target: { personId: string; sessionId?: string }, db: DbOrTx = this.db): Promise<void> {
    await this.write(
      target.personId,
      CLOSE_STREAMS,
      target.sessionId ? { sessionId: target.sessionId } : {},
      db,
    );
  }

  /**
   * Tells every instance that a person's sessions (or one of them) may no longer be what its cache
   * holds — lock, delegation revoke — without closing streams. Sign-out uses `closeStreams`, which
   * carries the same news.
   */
  async sessionsChanged(
    target: { personId: string; sessionId?: string },
    db: DbOrTx = this.db,
  ): Promise<void> {
    await this.write(
      target.personId,
      SESSIONS_CHANGED,
      target.sessionId ? { sessionId: target.sessionId } : {},
      db,
    );
  }

  /** Called on this instance whenever `closeStreams` or `sessionsChanged` reaches it (session caches). */
  onSessionsEnded(listener: (target: { personId: string; sessionId?: string }) => void): () => void {
    this.emitter.on(SESSIONS_ENDED, listener);
    return () => this.emitter.off(SESSIONS_ENDED, listener);
  }

  subscribe(personId: string, listener: (event: ServerEvent) => void): () => void {
    this.emitter.on(personId, listener);
    return () => this.emitter.off(personId, listener);
  }

  /** Called when `closeStreams` reaches this instance for `personId` (sessionId: only that session's). */
  onCloseStreams(personId: string, listener: (sessionId: string | undefined) => void): () => void {
    const key = `${CLOSE_STREAMS}:${personId}`;
    this.emitter.on(key, listener);
    return () => this.emitter.off(key, listener);
  }

  /** Ends every stream open on this instance (graceful shutdown). */
  closeAllLocal(): void {
    this.emitter.emit(CLOSE_STREAMS);
  }

  onCloseAllLocal(listener: () => void): () => void {
    this.emitter.on(CLOSE_STREAMS, listener);
    return () => this.emitter.off(CLOSE_STREAMS, listener);
  }

  listenerCount(personId: string): number {
    return this.emitter.listenerCount(personId);
  }

  private async receive(payload: string): Promise<void> {
    let message: Notification;
    try {
      message = JSON.parse(payload) as Notification;
    } catch {
      return;
    }
    if (message.p === undefined) {
      for (const row of await this.readWhere(eq(eventOutbox.id, message.i))) this.deliver(row);
      return;
    }
    this.deliver({ i: message.i, p: message.p, t: message.t ?? '', d: message.d ?? {} });
  }

  /** After the listening connection came back: what was written meanwhile (kept a short while). */
  private async catchUp(): Promise<void> {
    const since = new Date(Date.now() - 5 * 60_000);
    const rows = await this.readWhere(
      and(gt(eventOutbox.id, this.lastSeenId), gt(eventOutbox.createdAt, since)),
    );
    for (const row of rows) this.deliver(row);
  }

  private async readWhere(where: SQL | undefined): Promise<Required<Notification>[]> {
    const rows = await this.db.select().from(eventOutbox).where(where).orderBy(asc(eventOutbox.id));
    return rows.map((r) => ({ i: r.id, p: r.personId, t: r.type, d: r.data }));
  }

  private deliver(message: Required<Notification>): void {
    // A catch-up may overlap live notifications: each event reaches a stream once.
    if (this.delivered.has(message.i)) return;
    this.remember(message.i);
    if (message.t === CLOSE_STREAMS || message.t === SESSIONS_CHANGED) {
      const sessionId = typeof message.d.sessionId === 'string' ? message.d.sessionId : undefined;
      // Caches first, so a stream's own re-check after closing never sees the ended session.
      this.emitter.emit(
        SESSIONS_ENDED,
        sessionId ? { personId: message.p, sessionId } : { personId: message.p },
      );
      if (message.t === SESSIONS_CHANGED) return;
      this.emitter.emit(`${CLOSE_STREAMS}:${message.p}`, sessionId);
      return;
    }
    // Only `publish` writes other rows, and it takes a ServerEvent: the row is one as written.
    this.emitter.emit(message.p, { type: message.t, data: message.d } as ServerEvent);
  }

  /** Recently delivered ids, so a catch-up never delivers an event twice. */
  private readonly delivered = new Set<number>();

  private remember(id: number): void {
    this.delivered.add(id);
    if (id > this.lastSeenId) this.lastSeenId = id;
    if (this.delivered.size > 10_000) {
      const oldest = this.delivered.values().next().value;
      if (oldest !== undefined) this.delivered.delete(oldest);
    }
  }
}

/** Outbox rows older than this are swept: live delivery is immediate, catch-up looks 5 minutes back. */
export const OUTBOX_KEEP_MINUTES = 10;

/** Deletes delivered outbox rows past their keeping time; returns how many. */
export const sweepOutbox = async (db: Db, now: Date): Promise<number> => {
  const cutoff = new Date(now.getTime() - OUTBOX_KEEP_MINUTES * 60_000);
  const gone = await db
    .delete(eventOutbox)
    .where(lt(eventOutbox.createdAt, cutoff))
    .returning({ id: eventOutbox.id });
  return gone.length;
};
