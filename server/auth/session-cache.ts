import type { Actor } from './session';

type Entry = { actor: Actor; expiresAt: Date; cachedAt: number };

/** Longest an entry is trusted without re-reading; a missed invalidation costs at most this long. */
export const SESSION_CACHE_MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Live sessions by token hash, so an authenticated read does not pay a 3-table join each time.
 *
 * Every ending of a session (sign-out, sign-out-all, lock, delegation revoke) drops entries here:
 * on the instance that made the change right after commit, and on every instance through the
 * event fan-out (server/events/bus.ts). A lookup that started before a drop never stores its
 * (possibly stale) row afterwards: `generation` tells it a drop happened meanwhile.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  /** The cached actor, if still trusted at `now` (the session's own expiry and the cache's age). */
  get(tokenHash: string, now: Date): Actor | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (e.expiresAt <= now || Date.now() - e.cachedAt > SESSION_CACHE_MAX_AGE_MS) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return e.actor;
  }

  /** Marks the start of a lookup; pass the mark to `set`. */
  mark(): number {
    return this.generation;
  }

  set(tokenHash: string, actor: Actor, expiresAt: Date, mark: number): void {
    if (mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(tokenHash, { actor, expiresAt, cachedAt: Date.now() });
  }

  /** Drops one session, or every session of a person. */
  drop(target: { personId: string; sessionId?: string }): void {
    this.generation++;
    for (const [key, e] of this.entries)
      if (
        e.actor.personId === target.personId &&
        (!target.sessionId || e.actor.sessionId === target.sessionId)
      )
        this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
