import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import type { Db } from './types';
import { acquireDataLock } from './lock';
import { createPglite } from './pglite-client';
import { upgradeLegacyFolder } from './pglite-upgrade';
import { usableSnapshot } from './snapshot';

export const migrationsFolder =
  process.env.SHANGTONG_MIGRATIONS_DIR ?? join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** A LISTEN subscription: `onMessage` per notification; `onReconnect` after a lost connection came back. */
export type Listen = (
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect?: () => void,
) => Promise<() => Promise<void>>;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** LISTEN on a channel: a dedicated connection on PostgreSQL, the in-process client on PGlite. */
  listen: Listen;
  /** The connection string on PostgreSQL (the job queue opens its own pool). */
  url?: string;
  close: () => Promise<void>;
};

export type OpenOptions =
  | { kind: 'pglite'; dataDir: string; lock?: boolean }
  | { kind: 'pglite-memory'; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string };

/** Opens the database, runs pending migrations, and returns a handle. */
export const openDatabase = async (options: OpenOptions): Promise<DatabaseHandle> => {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection can be cut by the server (restart, failover, a dropped test database);
    // without a listener pg rethrows that as an uncaught exception and the process dies.
    pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await migratePg(drizzlePg(pool), { migrationsFolder });
    return {
      db,
      kind: 'postgres',
      url: options.url,
      listen: listenPostgres(options.url),
      close: () => pool.end(),
    };
  }
  let release: () => void = () => undefined;
  let client: PGlite;
  if (options.kind === 'pglite') {
    mkdirSync(options.dataDir, { recursive: true });
    if (options.lock !== false) release = acquireDataLock(options.dataDir);
    try {
      const pgdata = join(options.dataDir, 'pgdata');
      await upgradeLegacyFolder(pgdata, migrationsFolder);
      // A new folder starts from the build's migrated snapshot when it matches this code's migrations.
      const isNew = !existsSync(pgdata) || readdirSync(pgdata).length === 0;
      const snapshot = isNew ? usableSnapshot(migrationsFolder) : undefined;
      client = await createPglite({ dataDir: pgdata, ...(snapshot ? { loadDataDir: snapshot } : {}) });
    } catch (e) {
      release();
      throw e;
    }
  } else {
    client = await createPglite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  const pglite = client;
  return {
    db,
    kind: 'pglite',
    listen: async (channel, onMessage) => {
      const unlisten = await pglite.listen(channel, onMessage);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    close: async () => {
      await client.close();
      release();
    },
  };
};

/**
 * LISTEN on PostgreSQL needs one connection of its own (a pooled one would be handed to queries).
 * A lost connection is re-opened with a growing pause; `onReconnect` lets the caller catch up on
 * what it may have missed meanwhile.
 */
const listenPostgres =
  (url: string): Listen =>
  async (channel, onMessage, onReconnect) => {
    let client: pg.Client | undefined;
    let stopped = false;
    let retryMs = 250;
    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (n) => {
        if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
      });
      c.on('error', (err) => {
        console.error(`PostgreSQL listener lost: ${err.message}`);
      });
      c.on('end', () => {
        if (stopped || client !== c) return;
        client = undefined;
        setTimeout(() => void reconnect(), retryMs).unref();
        retryMs = Math.min(retryMs * 2, 10_000);
      });
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      client = c;
    };
    const reconnect = async (): Promise<void> => {
      if (stopped) return;
      try {
        await connect();
        retryMs = 250;
        onReconnect?.();
      } catch {
        setTimeout(() => void reconnect(), retryMs).unref();
        retryMs = Math.min(retryMs * 2, 10_000);
      }
    };
    await connect();
    return async () => {
      stopped = true;
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    };
  };
