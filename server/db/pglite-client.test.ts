import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite } from './pglite-client';

const open: PGlite[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

/** Counts how often the client's parser table is enumerated (a spread copies it; a lookup does not). */
const countCopies = (client: PGlite): { copies: number } => {
  const counter = { copies: 0 };
  const table = Reflect.get(client, 'parsers') as object;
  Reflect.set(
    client,
    'parsers',
    new Proxy(table, {
      ownKeys(target) {
        counter.copies += 1;
        return Reflect.ownKeys(target);
      },
    }),
  );
  return counter;
};

describe('createPglite', () => {
  it('runs drizzle queries, in and out of transactions, without copying the parser table', async () => {
    const client = await createPglite();
    open.push(client);
    const db = drizzle(client);
    const counter = countCopies(client);
    await db.execute(sql`select 1 as one`);
    const rows = await db
      .select({ n: sql<number>`1`.mapWith(Number) })
      .from(sql`(select 1) as t`)
      .limit(1);
    expect(rows).toEqual([{ n: 1 }]);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 2 as two`);
    });
    expect(counter.copies).toBe(0);
    // The first engine start in a worker compiles PGlite's WASM: slow on a shared machine.
  }, 120_000);

  it('keeps timestamps, dates and intervals as text, as drizzle expects', async () => {
    const client = await createPglite();
    open.push(client);
    const db = drizzle(client);
    const raw = await db.execute<{ ts: unknown; d: unknown; i: unknown; arr: unknown }>(
      sql`select '2026-01-02 03:04:05+00'::timestamptz as ts, '2026-01-02'::date as d,
                 '1 day'::interval as i, array['2026-01-02'::date] as arr`,
    );
    expect(raw.rows[0]).toEqual({
      ts: '2026-01-02 03:04:05+00',
      d: '2026-01-02',
      i: '1 day',
      arr: '{2026-01-02}',
    });
    await db.transaction(async (tx) => {
      const inTx = await tx.execute<{ d: unknown }>(sql`select '2026-03-04'::date as d`);
      expect(inTx.rows[0]).toEqual({ d: '2026-03-04' });
    });
    // Other types still parse as before.
    const other = await db.execute<{ n: unknown; b: unknown }>(sql`select 5::int4 as n, true as b`);
    expect(other.rows[0]).toEqual({ n: 5, b: true });
  }, 120_000);
});
