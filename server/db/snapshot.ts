/**
 * A new PGlite data folder made from a snapshot of a freshly migrated database instead of initdb +
 * every migration (issue 13: initdb alone took 2–5 s). The snapshot is a `dumpDataDir` tarball
 * written at build time (`npm run build:server`, into out/, never committed) with a sidecar naming
 * the migration set and the PGlite release it was made with. A folder is made from it only when
 * both match the running code; otherwise PGlite runs initdb as before. Migrations then run as
 * usual either way, so a folder made from a snapshot ends exactly where a fresh one does.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { createPglite } from './pglite-client';

export const defaultSnapshotPath = (): string =>
  process.env.SHANGTONG_PGLITE_SNAPSHOT ??
  fileURLToPath(new URL('../../out/server/pglite-snapshot.tar.gz', import.meta.url));

export const sidecarOf = (snapshot: string): string => `${snapshot}.json`;

type Sidecar = { migrations: string; pglite: string };

/** The installed PGlite release (a tarball is only known to load in the release that wrote it). */
const pgliteVersion = (): string => {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
};

/** A fingerprint of the migration set: the journal and every migration's SQL, in journal order. */
export const migrationSetOf = (migrationsFolder: string): string => {
  const journal = readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8');
  const hash = createHash('sha256').update(journal);
  for (const { tag } of (JSON.parse(journal) as { entries: { tag: string }[] }).entries)
    hash.update(readFileSync(join(migrationsFolder, `${tag}.sql`)));
  return hash.digest('hex');
};

/** What a snapshot made for this code records beside it. */
export const expectedSidecar = (migrationsFolder: string): Sidecar => ({
  migrations: migrationSetOf(migrationsFolder),
  pglite: pgliteVersion(),
});

/** The snapshot as a Blob for PGlite's `loadDataDir`, or undefined when missing or made for other code. */
export const usableSnapshot = (
  migrationsFolder: string,
  snapshot = defaultSnapshotPath(),
): Blob | undefined => {
  if (!existsSync(snapshot) || !existsSync(sidecarOf(snapshot))) return undefined;
  const made = JSON.parse(readFileSync(sidecarOf(snapshot), 'utf8')) as Sidecar;
  const want = expectedSidecar(migrationsFolder);
  if (made.migrations !== want.migrations || made.pglite !== want.pglite) return undefined;
  return new Blob([readFileSync(snapshot)]);
};

/** Writes the snapshot (unless one for this migration set is already there). Returns whether it wrote. */
export const writeSnapshot = async (
  migrationsFolder: string,
  snapshot = defaultSnapshotPath(),
): Promise<boolean> => {
  if (usableSnapshot(migrationsFolder, snapshot)) return false;
  const client = await createPglite();
  try {
    await migrate(drizzle(client), { migrationsFolder });
    const dump = await client.dumpDataDir('gzip');
    mkdirSync(dirname(snapshot), { recursive: true });
    writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
    writeFileSync(sidecarOf(snapshot), JSON.stringify(expectedSidecar(migrationsFolder)));
  } finally {
    await client.close();
  }
  return true;
};
