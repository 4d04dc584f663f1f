import { mkdirSync } from 'node:fs';
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

export const migrationsFolder =
  process.env.SHANGTONG_MIGRATIONS_DIR ?? join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
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
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  let release: () => void = () => undefined;
  let client: PGlite;
  if (options.kind === 'pglite') {
    mkdirSync(options.dataDir, { recursive: true });
    if (options.lock !== false) release = acquireDataLock(options.dataDir);
    try {
      const pgdata = join(options.dataDir, 'pgdata');
      await upgradeLegacyFolder(pgdata, migrationsFolder);
      client = await createPglite({ dataDir: pgdata });
    } catch (e) {
      release();
      throw e;
    }
  } else {
    client = await createPglite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await client.close();
      release();
    },
  };
};
