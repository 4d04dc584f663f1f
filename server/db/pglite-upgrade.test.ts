import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PGlite as LegacyPGlite } from 'pglite-legacy';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { sql, type SQL } from 'drizzle-orm';
import { migrationsFolder, openDatabase, type DatabaseHandle } from './open';
import { backupPathFor, CURRENT_PG_MAJOR, pgMajorOf } from './pglite-upgrade';

const dirs: string[] = [];
const rowsOf = async <T>(handle: DatabaseHandle, query: SQL): Promise<T[]> =>
  ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a data folder written by PGlite 0.3 (PostgreSQL 17)', () => {
  it('opens after the upgrade with every row and sequence position, and the original kept as a backup', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'st-legacy-'));
    dirs.push(dataDir);
    const pgdata = join(dataDir, 'pgdata');
    mkdirSync(pgdata, { recursive: true });
    // The folder as today's users have it: written and migrated by the old engine.
    const old = await LegacyPGlite.create({ dataDir: pgdata });
    await migrate(drizzle(old as unknown as PGlite), { migrationsFolder });
    await old.exec(`select nextval('licence_serial_seq'); select nextval('licence_serial_seq');`);
    await old.exec(`insert into persons (id, name, resident_id_enc, resident_id_hash, resident_id_masked, authority_verified_at)
      values ('00000000-0000-4000-8000-000000000001', '旧数据', 'enc', 'hash-1', '1***1', '2026-01-02 03:04:05+00'),
             ('00000000-0000-4000-8000-000000000002', 'kept', 'enc', 'hash-2', '2***2', null);
      insert into audit_log (actor_person_id, acting_as, action, detail)
      values ('00000000-0000-4000-8000-000000000001', 'self', 'probe', '{"v":[0.5]}');`);
    const migrationsBefore = await old.query<{ n: number }>(
      `select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await old.close();
    expect(pgMajorOf(pgdata)).toBe('17');

    const messages: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => messages.push(m);
    let handle: DatabaseHandle;
    try {
      handle = await openDatabase({ kind: 'pglite', dataDir });
    } finally {
      console.warn = warn;
    }
    try {
      expect(pgMajorOf(pgdata)).toBe(CURRENT_PG_MAJOR);
      expect(messages.join('\n')).toMatch(/older database engine \(PostgreSQL 17\).*kept at/);
      const probe = await rowsOf<{ name: string; at: string | null; detail: unknown }>(
        handle,
        sql`select p.name, p.authority_verified_at as at, a.detail from persons p
            left join audit_log a on a.actor_person_id = p.id and a.action = 'probe' order by p.id`,
      );
      expect(probe).toEqual([
        { name: '旧数据', at: '2026-01-02 03:04:05+00', detail: { v: [0.5] } },
        { name: 'kept', at: null, detail: null },
      ]);
      const next = await rowsOf<{ n: string }>(handle, sql`select nextval('licence_serial_seq')::text as n`);
      expect(next[0]?.n).toBe('3');
      const migrations = await rowsOf<{ n: number }>(
        handle,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(migrations[0]?.n).toBe(migrationsBefore.rows[0]?.n);
    } finally {
      await handle.close();
    }
    const backup = backupPathFor(pgdata, '17');
    expect(pgMajorOf(backup)).toBe('17');
    // A second start opens the upgraded folder directly and leaves the backup alone.
    const again = await openDatabase({ kind: 'pglite', dataDir });
    await again.close();
    expect(existsSync(backup)).toBe(true);
    // Three engine starts with initdb and two full migrations: slow on a shared machine.
  }, 300_000);
});
