/**
 * Data folders written by PGlite 0.3 (PostgreSQL 17) cannot be opened by PGlite 0.5 (PostgreSQL
 * 18): the on-disk format changed with the major version. Before opening such a folder we keep a
 * backup of it, bring it to the current schema with the old engine, and copy every table and
 * sequence into a new folder made by the current engine. The backup is never deleted by us.
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite } from './pglite-client';

/** The PostgreSQL major version the bundled PGlite writes. */
export const CURRENT_PG_MAJOR = '18';

export const pgMajorOf = (pgdata: string): string | undefined => {
  const file = join(pgdata, 'PG_VERSION');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
};

export const backupPathFor = (pgdata: string, major: string): string => `${pgdata}-pg${major}-backup`;

type Minimal = Pick<PGlite, 'query' | 'exec' | 'close'>;

/** Copies all rows of the public and drizzle schemas, and sequence positions, from one engine to the other. */
const copyData = async (from: Minimal, to: Minimal): Promise<void> => {
  const tables = await from.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1, 2`,
  );
  // Rows go in table by table; foreign keys and triggers are not re-checked (they held in the source).
  await to.exec(`set session_replication_role = replica`);
  for (const { schema, name } of tables.rows) {
    const qualified = `"${schema}"."${name}"`;
    await to.exec(`truncate ${qualified} cascade`);
    const out = await from.query(`copy ${qualified} to '/dev/blob'`);
    if (!out.blob || out.blob.size === 0) continue;
    await to.query(`copy ${qualified} from '/dev/blob'`, [], { blob: out.blob });
  }
  await to.exec(`set session_replication_role = origin`);
  const sequences = await from.query<{ schema: string; name: string; last: string | null; called: boolean }>(
    `select schemaname as schema, sequencename as name, last_value::text as last,
            last_value is not null as called from pg_sequences where schemaname in ('public', 'drizzle')`,
  );
  for (const s of sequences.rows)
    if (s.called && s.last !== null)
      await to.query(`select setval($1, $2::bigint, true)`, [`"${s.schema}"."${s.name}"`, s.last]);
};

/**
 * Upgrades `pgdata` in place when an older engine wrote it; returns the backup's path, or
 * undefined when nothing had to be done.
 */
export const upgradeLegacyFolder = async (
  pgdata: string,
  migrationsFolder: string,
  log: (message: string) => void = (m) => console.warn(m),
): Promise<string | undefined> => {
  const major = pgMajorOf(pgdata);
  if (major === undefined || major === CURRENT_PG_MAJOR) return undefined;
  if (major !== '17')
    throw new Error(
      `数据文件夹 ${pgdata} 由不支持的数据库版本 ${major} 创建,无法打开。 / The data folder ${pgdata} was written by database version ${major}, which this version cannot open.`,
    );
  const backup = backupPathFor(pgdata, major);
  log(
    `数据文件夹由旧版数据库引擎(PostgreSQL ${major})创建,正在升级;原文件夹备份在 ${backup}。 / The data folder was written by an older database engine (PostgreSQL ${major}); upgrading it. The original is kept at ${backup}.`,
  );
  if (!existsSync(backup)) cpSync(pgdata, backup, { recursive: true });
  const staging = `${pgdata}.upgrading`;
  rmSync(staging, { recursive: true, force: true });
  // The old engine is only loaded for this one-time upgrade.
  const { PGlite: LegacyPGlite } = await import('pglite-legacy');
  const old = await LegacyPGlite.create({ dataDir: pgdata });
  try {
    // drizzle talks to both engines through the same query API.
    await migrate(drizzle(old as unknown as PGlite), { migrationsFolder });
    const next = await createPglite({ dataDir: staging });
    try {
      await migrate(drizzle(next), { migrationsFolder });
      await copyData(old as unknown as Minimal, next);
    } finally {
      await next.close();
    }
  } finally {
    await old.close();
  }
  const replaced = `${pgdata}.replaced`;
  rmSync(replaced, { recursive: true, force: true });
  renameSync(pgdata, replaced);
  renameSync(staging, pgdata);
  rmSync(replaced, { recursive: true, force: true });
  log(`数据文件夹升级完成。 / The data folder was upgraded.`);
  return backup;
};
