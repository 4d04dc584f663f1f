// The in-process platform the benchmarks run on (and whose configuration the test harness shares):
// embedded PGlite in memory, a random data key, no logs, a sign-in rate limit nothing trips.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../server/config';
import type { AppContext } from '../server/context';
import { createContext } from '../server/create-context';
import { migrationsFolder, openDatabase, type DatabaseHandle } from '../server/db/open';
import { usableSnapshot } from '../server/db/snapshot';
import { buildApp } from '../server/app';
import { seedDemo } from '../server/seed/demo';

/** The configuration of an in-process platform: defaults as in production, but a fresh data key and silent logs. */
/**
 * An in-memory PGlite, from the build's migrated snapshot when there is one for this code (saves
 * initdb and the migrations per bench; the same data either way).
 */
export const benchDatabase = (): Promise<DatabaseHandle> => {
  const snapshot = usableSnapshot(migrationsFolder);
  return openDatabase({ kind: 'pglite-memory', ...(snapshot ? { loadDataDir: snapshot } : {}) });
};

export const benchConfig = (overrides: Partial<Config> = {}): Config => ({
  databaseUrl: undefined,
  dataDir: undefined,
  dataKey: randomBytes(32),
  sessionHours: 12,
  signInMaxFailures: 5,
  signInLockMinutes: 15,
  signInRatePerMinute: 1000,
  delegationLinkDays: 7,
  faceThreshold: undefined,
  publicUrl: undefined,
  logLevel: 'silent',
  webRoot: undefined,
  instanceId: 'in-process',
  sms: { kind: 'dev-outbox' },
  ...overrides,
});

export type BenchContext = {
  ctx: AppContext;
  /** Closes the database. */
  close: () => Promise<void>;
};

/** A context on a fresh in-memory PGlite, with the demo sandbox seeded unless `seed: false`. */
export const benchContext = async (options: { seed?: boolean } = {}): Promise<BenchContext> => {
  const handle = await benchDatabase();
  const ctx = createContext(handle, benchConfig());
  try {
    if (options.seed !== false) await seedDemo(ctx);
  } catch (e) {
    await handle.close();
    throw e;
  }
  return { ctx, close: () => handle.close() };
};

export type BenchApp = BenchContext & {
  /** Ready, not listening; no request logs, no rate limits. */
  app: FastifyInstance;
};

/** `benchContext` plus the HTTP app on it; `close` closes both. */
export const benchApp = async (options: { seed?: boolean } = {}): Promise<BenchApp> => {
  const platform = await benchContext(options);
  try {
    const app = await buildApp(platform.ctx, { logger: false, rateLimit: false });
    await app.ready();
    return {
      ...platform,
      app,
      close: async () => {
        await app.close();
        await platform.close();
      },
    };
  } catch (e) {
    await platform.close();
    throw e;
  }
};

/** The p-th percentile (0–100) of the timings, nearest rank below (NaN when there are none). */
export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
