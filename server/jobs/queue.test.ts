import { afterAll, describe, expect, it } from 'vitest';
import { inProcessQueue, type JobQueue } from './queue';
import { pgBossQueue } from './pg-boss-queue';
import { openPostgres } from '../test/harness';
import type { DatabaseHandle } from '../db/open';

/** Resolves when `check` holds, polling on the event loop (no fixed sleep decides the outcome). */
const until = async (check: () => boolean, timeoutMs = 20_000): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('in-process queue (embedded platform)', () => {
  it('runs sent jobs, runs a schedule at once and never overlaps a run with itself', async () => {
    const q = inProcessQueue({ minuteMs: 5 });
    const seen: unknown[] = [];
    await q.work('j', async (data) => void seen.push(data.n));
    await q.send('j', { n: 1 });
    await q.send('j', { n: 2 });
    let running = 0;
    let overlapped = false;
    let runs = 0;
    let release: () => void = () => undefined;
    await q.every('s', 1, async () => {
      running++;
      if (running > 1) overlapped = true;
      runs++;
      if (runs === 1) await new Promise<void>((r) => (release = r));
      running--;
    });
    await until(() => seen.length === 2 && runs === 1);
    release();
    await until(() => runs >= 3);
    await q.stop();
    expect(seen.sort()).toEqual([1, 2]);
    expect(overlapped).toBe(false);
  });
});

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('pg-boss queue across two instances (PostgreSQL)', () => {
  let db: DatabaseHandle;
  const queues: JobQueue[] = [];
  afterAll(async () => {
    for (const q of queues) await q.stop();
    await db?.close();
  });

  it('hands each job to exactly one instance, and the start run of a schedule to one', async () => {
    db = await openPostgres(url!);
    const a = await pgBossQueue(db.url!);
    const b = await pgBossQueue(db.url!);
    queues.push(a, b);
    const done: { n: number; on: string }[] = [];
    let startRuns = 0;
    for (const [q, on] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      await q.work('count', async (data) => void done.push({ n: Number(data.n), on }));
      await q.every('tick', 59, async () => void startRuns++);
    }
    for (let n = 0; n < 40; n++) await (n % 2 ? a : b).send('count', { n });
    await until(() => done.length >= 40 && startRuns >= 1);
    expect(done.map((d) => d.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(startRuns).toBe(1);
  });
});
