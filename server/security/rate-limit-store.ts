import { lt, sql } from 'drizzle-orm';
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import type { Db } from '../db/types';
import { rateLimitHits } from '../db/schema';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** The plugin hands stores its merged options; only the window (ms) and the route matter here. */
type StoreOptions = FastifyRateLimitOptions & {
  timeWindow?: unknown;
  routeInfo?: { method?: string; url?: string };
};

const windowMsOf = (timeWindow: unknown): number => (typeof timeWindow === 'number' ? timeWindow : 60_000);

/**
 * @fastify/rate-limit store in the platform database, so a limit holds across every instance: one
 * fixed window per (route, client) key, counted with a single upsert (concurrent instances never
 * lose a hit). With REDIS_URL set, the plugin's Redis store is used instead (server/app.ts).
 */
export const databaseRateLimitStore = (db: Db): FastifyRateLimitStoreCtor => {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      private readonly options: StoreOptions,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: IncrCallback, timeWindow?: number): void {
      const windowMs = timeWindow ?? windowMsOf(this.options.timeWindow);
      const full = `${this.prefix}${key}`;
      db.execute(
        sql`insert into rate_limit_hits (key, hits, reset_at)
            values (${full}, 1, now() + ${windowMs} * interval '1 millisecond')
            on conflict (key) do update set
              hits = case when rate_limit_hits.reset_at <= now() then 1 else rate_limit_hits.hits + 1 end,
              reset_at = case when rate_limit_hits.reset_at <= now() then excluded.reset_at
                              else rate_limit_hits.reset_at end
            returning hits, greatest(0, ceil(extract(epoch from (reset_at - now())) * 1000))::int as ttl`,
      )
        .then((result) => {
          const row = (result as unknown as { rows: { hits: number; ttl: number }[] }).rows[0];
          callback(null, { current: Number(row?.hits ?? 1), ttl: Number(row?.ttl ?? windowMs) });
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    }

    child(routeOptions: StoreOptions): FastifyRateLimitStore {
      const route = routeOptions.routeInfo
        ? `${routeOptions.routeInfo.method} ${routeOptions.routeInfo.url}|`
        : '';
      return new DatabaseStore({ ...this.options, ...routeOptions }, `${this.prefix}${route}`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
};

/** Deletes counters whose window ended (they would be reset on the next hit anyway). */
export const sweepRateLimits = async (db: Db, now: Date): Promise<number> => {
  const gone = await db
    .delete(rateLimitHits)
    .where(lt(rateLimitHits.resetAt, now))
    .returning({ key: rateLimitHits.key });
  return gone.length;
};
