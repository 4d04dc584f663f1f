// A new data folder made from the build's snapshot of the migrated database: every migration
// applied and the same schema as a fresh folder; a snapshot made for other migrations is ignored
// (initdb and the migrations run as before).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { createPglite } from './pglite-client';
import { migrationsFolder, openDatabase } from './open';
import { expectedSidecar, sidecarOf, usableSnapshot, writeSnapshot } from './snapshot';

type Queryable = { query: <T>(sql: string) => Promise<{ rows: T[] }> };

const columns = async (db: Queryable): Promise<string[]> =>
  (
    await db.query<{ c: string }>(
      `select table_schema || '.' || table_name || '.' || column_name || ':' || data_type || ':' ||
              is_nullable || ':' || coalesce(column_default, '') as c
       from information_schema.columns where table_schema in ('public', 'drizzle') order by 1`,
    )
  ).rows.map((r) => r.c);

const applied = async (db: Queryable): Promise<number> =>
  Number(
    (await db.query<{ n: string }>('select count(*)::text as n from drizzle.__drizzle_migrations')).rows[0]
      ?.n,
  );

const journalSize = (): number =>
  (
    JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;

/** A PGlite handle's raw client, for the checks above. */
const rawOf = (handle: Awaited<ReturnType<typeof openDatabase>>): Queryable => ({
  query: async <T>(sql: string) => (await handle.db.execute(sql)) as unknown as { rows: T[] },
});

const dir = mkdtempSync(join(tmpdir(), 'st-snapshot-'));
const snapshot = join(dir, 'snapshot.tar.gz');
let freshColumns: string[];

beforeAll(async () => {
  // The snapshot as the build makes it, plus a marker table that shows a folder came from it.
  const client = await createPglite();
  await migrate(drizzle(client), { migrationsFolder });
  freshColumns = await columns(client);
  await client.exec('create table snapshot_marker (id int)');
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(sidecarOf(snapshot), JSON.stringify(expectedSidecar(migrationsFolder)));
  process.env.SHANGTONG_PGLITE_SNAPSHOT = snapshot;
}, 600_000);

afterAll(() => {
  delete process.env.SHANGTONG_PGLITE_SNAPSHOT;
  rmSync(dir, { recursive: true, force: true });
});

const markerPresent = async (db: Queryable): Promise<boolean> =>
  (await db.query<{ t: string | null }>(`select to_regclass('public.snapshot_marker')::text as t`)).rows[0]
    ?.t !== null;

describe('new data folder from the migrated snapshot', () => {
  it('is made from the snapshot, with every migration applied and the schema of a fresh folder', async () => {
    const handle = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'from-snapshot'), lock: false });
    try {
      const db = rawOf(handle);
      expect(await markerPresent(db)).toBe(true);
      expect(await applied(db)).toBe(journalSize());
      const got = (await columns(db)).filter((c) => !c.startsWith('public.snapshot_marker.'));
      expect(got).toEqual(freshColumns);
    } finally {
      await handle.close();
    }
    // It opens again as an existing folder, like any other.
    const again = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'from-snapshot'), lock: false });
    expect(await applied(rawOf(again))).toBe(journalSize());
    await again.close();
  }, 600_000);

  it('is ignored when made for another migration set: initdb and the migrations run instead', async () => {
    const other = join(dir, 'other.tar.gz');
    writeFileSync(other, readFileSync(snapshot));
    writeFileSync(
      sidecarOf(other),
      JSON.stringify({ ...expectedSidecar(migrationsFolder), migrations: 'an older migration set' }),
    );
    expect(usableSnapshot(migrationsFolder, other)).toBeUndefined();
    expect(usableSnapshot(migrationsFolder, snapshot)).toBeInstanceOf(Blob);
    process.env.SHANGTONG_PGLITE_SNAPSHOT = other;
    const handle = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'fallback'), lock: false });
    try {
      const db = rawOf(handle);
      expect(await markerPresent(db)).toBe(false);
      expect(await applied(db)).toBe(journalSize());
      expect(await columns(db)).toEqual(freshColumns);
    } finally {
      await handle.close();
      process.env.SHANGTONG_PGLITE_SNAPSHOT = snapshot;
    }
  }, 600_000);

  it('is written once per migration set by the build', async () => {
    const built = join(dir, 'built.tar.gz');
    expect(await writeSnapshot(migrationsFolder, built)).toBe(true);
    expect(await writeSnapshot(migrationsFolder, built)).toBe(false);
    expect(usableSnapshot(migrationsFolder, built)).toBeInstanceOf(Blob);
  }, 600_000);
});
