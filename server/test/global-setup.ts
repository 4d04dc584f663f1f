import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../db/open';

export const SNAPSHOT_DIR = join(process.cwd(), 'node_modules', '.cache', 'shangtong');
export const SNAPSHOT_PATH = join(SNAPSHOT_DIR, 'pglite-migrated.tar.gz');

/** Migrates one PGlite once per run and snapshots it; each test file then opens a copy in well under a second. */
export default async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const client = await PGlite.create();
  await migrate(drizzle(client), { migrationsFolder });
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  writeFileSync(SNAPSHOT_PATH, Buffer.from(await dump.arrayBuffer()));
}
