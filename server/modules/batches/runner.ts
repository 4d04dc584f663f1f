import { and, asc, eq, lt, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { batches, batchItems } from '../../db/schema';
import { isDomainError } from '../../../shared/domain-error';
import { text, type LocalizedText } from '../../../shared/text';
import type { BatchProgressData } from '../../../shared/firms/batch-contract';
import type { BatchItemRow, BatchKinds, BatchRow, ItemOutcome } from './kinds';
import type { DbOrTx } from '../../db/types';
import { batchCounts } from './store';

export type RunnerOptions = {
  /** Items processed at once per batch: 1 on PGlite (one connection), a few on PostgreSQL. */
  concurrency?: number;
  /** Progress events at most this often per batch (the last one always goes out). */
  progressEveryMs?: number;
  /** Automatic attempts for an item hitting a transient database conflict. */
  maxAttempts?: number;
  /**
   * Tests: after this many items the process "dies" in the middle of the next one — its effect
   * done inside the transaction, never committed — and the runner stops.
   */
  stopAfter?: number;
  /** Items per transaction (default 100). */
  chunkSize?: number;
  /** Tests: the process "dies" just before the n-th item (1-based), mid-chunk, and the runner stops. */
  crashAtItem?: number;
};

/** About 100 items per transaction: per-item commit and claim costs are paid once per chunk. */
const DEFAULT_CHUNK = 100;

type Mark = {
  id: string;
  status: 'done' | 'skipped' | 'failed' | 'pending';
  result: Record<string, unknown> | null;
  code: string | null;
  message: LocalizedText | null;
};

/**
 * Marks a chunk's items in one statement: finished ones with their outcome, transient failures
 * pending again; every one counts an attempt.
 */
const markItems = async (tx: DbOrTx, marks: Mark[], now: Date): Promise<void> => {
  if (marks.length === 0) return;
  await tx.execute(sql`
    update batch_items b set
      status = v.status,
      attempts = b.attempts + 1,
      result = case when v.status in ('pending', 'failed') then b.result else nullif(v.result, 'null') end,
      error_code = v.code,
      error_message = nullif(v.message, 'null'),
      lease_until = null,
      finished_at = case when v.status = 'pending' then null else ${now.toISOString()}::timestamptz end,
      updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(marks)}::jsonb)
      as v(id uuid, status text, result jsonb, code text, message jsonb)
    where b.id = v.id`);
};

/** How many `batch.run` jobs a kick queues, so that other instances work on the batch too. */
const JOINING_INSTANCES = 2;

/** Tests: the process dies in the middle of an item (see `stopAfter`). */
class SimulatedCrash extends Error {}

const isTransient = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code;
  return code === '23505' || code === '40001' || code === '40P01';
};

const failureOf = (e: unknown): { code: string; message: LocalizedText } => {
  if (isDomainError(e)) return { code: e.code, message: e.text };
  return {
    code: 'INTERNAL',
    message: text('处理时出现内部错误，可稍后重试。', 'An internal error occurred; you can retry later.'),
  };
};

/**
 * Works through batches item by item. Each item is taken, processed and marked finished in one
 * transaction (the row lock keeps other workers and processes off it), or marked failed with the
 * reason after a rollback. Batches survive restarts: `resume` picks up every batch still running;
 * an item whose process died mid-way was never committed and is simply pending again. (Items
 * marked `running` with a lease — none are written by this runner — are taken back at start on
 * the embedded database, which one process alone can open, and after their lease elsewhere.)
 */
export class BatchRunner {
  private readonly loops = new Map<string, Promise<void>>();
  /** Batches kicked again while their loop was ending (e.g. a retry): run once more after. */
  private readonly again = new Set<string>();
  private stopped = false;
  private processed = 0;
  private readonly lastProgress = new Map<string, number>();
  /** Items still to take one per transaction after a chunk's transaction failed as a whole. */
  private careful = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly kinds: BatchKinds,
    private readonly options: RunnerOptions = {},
  ) {}

  private get concurrency(): number {
    return this.options.concurrency ?? (this.ctx.dbKind === 'pglite' ? 1 : 4);
  }

  /**
   * Starts (or keeps going) the work on a batch; returns at once. `fanOut` false: this instance
   * joins a batch another one started (a `batch.run` job) and asks nobody else.
   */
  kick(batchId: string, fanOut = true): void {
    if (this.stopped) return;
    if (this.loops.has(batchId)) {
      this.again.add(batchId);
      return;
    }
    const loop = this.run(batchId)
      .catch((e: unknown) => console.error(`batch ${batchId} runner failed`, e))
      .finally(() => {
        this.loops.delete(batchId);
        if (this.again.delete(batchId)) this.kick(batchId, false);
      });
    this.loops.set(batchId, loop);
    // Other instances join through the job queue (each item is still done once: row locks).
    if (fanOut && this.ctx.jobs.kind !== 'in-process')
      for (let i = 0; i < JOINING_INSTANCES; i++)
        this.ctx.jobs
          .send('batch.run', { batchId })
          .catch((e: unknown) => console.error('batch.run not queued', e));
  }

  /** Picks up every unfinished batch; call once at platform start. Returns how many. */
  async resume(): Promise<number> {
    const open = await this.ctx.db
      .select({ id: batches.id })
      .from(batches)
      .where(eq(batches.status, 'running'));
    if (this.ctx.dbKind === 'pglite' && open.length > 0) {
      // The data folder lock means no other process is working on these: take them back now.
      await this.ctx.db
        .update(batchItems)
        .set({ status: 'pending', leaseUntil: null })
        .where(
          and(
            eq(batchItems.status, 'running'),
            sql`${batchItems.batchId} in (select id from batches where status = 'running')`,
          ),
        );
    }
    for (const b of open) this.kick(b.id, false);
    return open.length;
  }

  /** Resolves when the batch's work in this runner has ended (tests, shutdown). */
  async idle(batchId?: string): Promise<void> {
    for (;;) {
      const running = batchId
        ? [this.loops.get(batchId)].filter((l) => l !== undefined)
        : [...this.loops.values()];
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  /** Takes no new items; waits for those in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async run(batchId: string): Promise<void> {
    const [batch] = await this.ctx.db.select().from(batches).where(eq(batches.id, batchId));
    if (!batch || batch.status !== 'running') return;
    const handler = this.kinds[batch.kind];
    if (!handler) throw new Error(`no handler for batch kind ${batch.kind}`);
    await Promise.all(Array.from({ length: this.concurrency }, () => this.work(batch)));
    if (this.stopped) return;
    await this.finishIfComplete(batch);
  }

  private async work(batch: BatchRow): Promise<void> {
    while (!this.stopped && (await this.step(batch))) {
      await this.progress(batch, false);
      // PGlite answers without real I/O, so a loop of items would never leave the microtask
      // queue: yield to the event loop so HTTP requests are served while a batch runs.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * One chunk of items, in one transaction: take up to `chunkSize` pending items (row-locked, so a
   * concurrent worker or process skips them), process each in a savepoint of its own, mark them all
   * finished with one statement, commit. An item that fails rolls back to its savepoint only and is
   * recorded failed (or pending again, when transient) in the same mark. A crash anywhere before
   * the commit leaves the whole chunk pending with no effect; the commit makes effects and marks
   * durable together. Returns false when no item is left.
   *
   * When the chunk's transaction itself fails (not one item), the next `size` items are taken one
   * per transaction, so the culprit is recorded failed alone, as before chunks existed.
   */
  private async step(batch: BatchRow): Promise<boolean> {
    const handler = this.kinds[batch.kind]!;
    const size = this.careful > 0 ? 1 : this.chunkSize();
    let taken: BatchItemRow[] = [];
    try {
      const outcomes = await this.ctx.db.transaction(async (tx) => {
        const items = await tx
          .select()
          .from(batchItems)
          .where(
            and(
              eq(batchItems.batchId, batch.id),
              or(
                eq(batchItems.status, 'pending'),
                and(eq(batchItems.status, 'running'), lt(batchItems.leaseUntil, this.ctx.now())),
              ),
            ),
          )
          .orderBy(asc(batchItems.seq))
          .limit(size)
          .for('update', { skipLocked: true });
        if (items.length === 0) return undefined;
        taken = items;
        const marks: Mark[] = [];
        const done: ItemOutcome[] = [];
        for (const item of items) {
          // Tests: the process "dies" here, in the middle of the chunk, before the commit.
          if (this.crashesNow()) throw new SimulatedCrash();
          this.processed += 1;
          try {
            const outcome = await tx.transaction((sp) => handler.process(this.ctx, sp, batch, item));
            // Tests (stopAfter): the process dies here, after the effect and before the commit.
            if (this.options.stopAfter !== undefined && this.processed > this.options.stopAfter)
              throw new SimulatedCrash();
            marks.push({
              id: item.id,
              status: outcome.status,
              result: outcome.result,
              code: outcome.reason?.code ?? null,
              message: outcome.reason?.message ?? null,
            });
            done.push(outcome);
          } catch (e) {
            if (e instanceof SimulatedCrash) throw e;
            marks.push(this.failureMark(batch, item, e));
          }
        }
        await markItems(tx, marks, this.ctx.now());
        return done;
      });
      if (!outcomes) return false;
      if (this.careful > 0) this.careful -= 1;
      for (const outcome of outcomes)
        await outcome
          .after?.()
          .catch((e: unknown) => console.error(`batch ${batch.id}: after-commit task failed`, e));
      return true;
    } catch (e) {
      if (e instanceof SimulatedCrash) {
        this.stopped = true;
        return false;
      }
      if (taken.length === 0) throw e;
      if (taken.length > 1) {
        this.processed -= taken.length;
        this.careful = taken.length;
        return true;
      }
      await this.recordFailure(batch, taken[0]!, e);
      return true;
    }
  }

  /** Items per transaction: `chunkSize`, cut short so that `stopAfter` falls on a chunk's end. */
  private chunkSize(): number {
    const size = this.options.chunkSize ?? DEFAULT_CHUNK;
    const stop = this.options.stopAfter;
    if (stop === undefined || this.processed >= stop) return size;
    return Math.min(size, stop - this.processed);
  }

  /** Tests (crashAtItem): the process dies before the n-th item it takes. */
  private crashesNow(): boolean {
    return this.options.crashAtItem !== undefined && this.processed + 1 >= this.options.crashAtItem;
  }

  /** An item that failed inside its savepoint: failed with its reason, or pending again when transient. */
  private failureMark(batch: BatchRow, item: BatchItemRow, e: unknown): Mark {
    if (isTransient(e) && item.attempts + 1 < (this.options.maxAttempts ?? 3))
      return { id: item.id, status: 'pending', result: null, code: null, message: null };
    const failure = failureOf(e);
    if (failure.code === 'INTERNAL') console.error(`batch ${batch.id} item ${item.id} failed`, e);
    return { id: item.id, status: 'failed', result: null, code: failure.code, message: failure.message };
  }

  /** The item's transaction rolled back: count the attempt, and fail it (or queue it again if transient). */
  private async recordFailure(batch: BatchRow, item: BatchItemRow, e: unknown): Promise<void> {
    const now = this.ctx.now();
    const attempts = item.attempts + 1;
    const stillMine = and(eq(batchItems.id, item.id), eq(batchItems.attempts, item.attempts));
    if (isTransient(e) && attempts < (this.options.maxAttempts ?? 3)) {
      await this.ctx.db
        .update(batchItems)
        .set({ attempts, status: 'pending', leaseUntil: null, updatedAt: now })
        .where(stillMine);
      return;
    }
    const failure = failureOf(e);
    if (failure.code === 'INTERNAL') console.error(`batch ${batch.id} item ${item.id} failed`, e);
    await this.ctx.db
      .update(batchItems)
      .set({
        attempts,
        status: 'failed',
        errorCode: failure.code,
        errorMessage: failure.message,
        leaseUntil: null,
        finishedAt: now,
        updatedAt: now,
      })
      .where(stillMine);
  }

  private async finishIfComplete(batch: BatchRow): Promise<void> {
    const counts = (await batchCounts(this.ctx.db, [batch.id])).get(batch.id);
    if (!counts || counts.pending > 0 || counts.running > 0) return;
    const handler = this.kinds[batch.kind]!;
    const output = handler.finish ? await handler.finish(this.ctx, batch) : null;
    await this.ctx.db
      .update(batches)
      .set({ status: 'done', finishedAt: this.ctx.now(), ...(output ? { output } : {}) })
      .where(and(eq(batches.id, batch.id), eq(batches.status, 'running')));
    await this.progress(batch, true);
  }

  /** Publishes `batch.progress` to the owner, throttled except for the final one. */
  private async progress(batch: BatchRow, final: boolean): Promise<void> {
    const now = Date.now();
    if (!final && now - (this.lastProgress.get(batch.id) ?? 0) < (this.options.progressEveryMs ?? 250))
      return;
    this.lastProgress.set(batch.id, now);
    const [row] = await this.ctx.db
      .select({ status: batches.status })
      .from(batches)
      .where(eq(batches.id, batch.id));
    const counts = (await batchCounts(this.ctx.db, [batch.id])).get(batch.id)!;
    const data: BatchProgressData = {
      batchId: batch.id,
      firmId: batch.firmId,
      status: row?.status ?? batch.status,
      total: batch.total,
      counts,
    };
    await this.ctx.bus.publish(batch.ownerPersonId, { type: 'batch.progress', data });
    if (final) this.lastProgress.delete(batch.id);
  }
}

/** The context's runner (one per platform), created on first use with the given kinds. */
export const runnerFor = (ctx: AppContext, kinds: BatchKinds, options?: RunnerOptions): BatchRunner =>
  (ctx.services.batchRunner ??= new BatchRunner(ctx, kinds, options));

/** Tests: replace the context's runner (e.g. with a fresh one after "killing" the first). */
export const setRunnerFor = (ctx: AppContext, runner: BatchRunner): void => {
  ctx.services.batchRunner = runner;
};
