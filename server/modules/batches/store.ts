import { and, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { batchClaims, batches, batchItems } from '../../db/schema';
import type { BatchCounts, BatchKind, BatchKindParams } from '../../../shared/firms/batch-contract';
import type { LocalizedText } from '../../../shared/text';
import type { BatchRow } from './kinds';

export type NewItem = {
  companyId: string;
  /** Known not to be eligible when the batch is made: recorded as skipped with the reason. */
  skip?: { code: string; message: LocalizedText };
};

const CHUNK = 1000;

/** Stores a batch and its items (in order) inside the caller's transaction. */
export const createBatch = async <K extends BatchKind>(
  tx: DbOrTx,
  input: {
    kind: K;
    firmId: string | null;
    ownerPersonId: string;
    /** Read back by the kind's handlers with BATCH_KIND_PARAMS[kind]. */
    params: BatchKindParams<K>;
    items: readonly NewItem[];
    now: Date;
  },
): Promise<BatchRow> => {
  const anyPending = input.items.some((i) => !i.skip);
  const [batch] = await tx
    .insert(batches)
    .values({
      kind: input.kind,
      firmId: input.firmId,
      ownerPersonId: input.ownerPersonId,
      params: input.params,
      total: input.items.length,
      status: anyPending ? 'running' : 'done',
      createdAt: input.now,
      finishedAt: anyPending ? null : input.now,
    })
    .returning();
  if (!batch) throw new Error('batch insert returned nothing');
  for (let i = 0; i < input.items.length; i += CHUNK) {
    await tx.insert(batchItems).values(
      input.items.slice(i, i + CHUNK).map((item, j) => ({
        batchId: batch.id,
        seq: i + j + 1,
        companyId: item.companyId,
        status: item.skip ? ('skipped' as const) : ('pending' as const),
        errorCode: item.skip?.code ?? null,
        errorMessage: item.skip?.message ?? null,
        finishedAt: item.skip ? input.now : null,
        updatedAt: input.now,
      })),
    );
  }
  return batch;
};

export const emptyCounts = (): BatchCounts => ({
  pending: 0,
  running: 0,
  done: 0,
  skipped: 0,
  failed: 0,
  cancelled: 0,
});

/** Items per status, for one batch or many. */
export const batchCounts = async (
  db: DbOrTx,
  batchIds: readonly string[],
): Promise<Map<string, BatchCounts>> => {
  const result = new Map<string, BatchCounts>(batchIds.map((id) => [id, emptyCounts()]));
  if (batchIds.length === 0) return result;
  const rows = await db
    .select({ batchId: batchItems.batchId, status: batchItems.status, n: count() })
    .from(batchItems)
    .where(inArray(batchItems.batchId, [...batchIds]))
    .groupBy(batchItems.batchId, batchItems.status);
  for (const r of rows) {
    const c = result.get(r.batchId);
    if (c) c[r.status] = Number(r.n);
  }
  return result;
};

/** Puts failed items back in the queue (attempts are kept) and reopens the batch. */
export const retryFailed = async (tx: DbOrTx, batchId: string, now: Date): Promise<number> => {
  const reset = await tx
    .update(batchItems)
    .set({
      status: 'pending',
      errorCode: null,
      errorMessage: null,
      finishedAt: null,
      leaseUntil: null,
      updatedAt: now,
    })
    .where(and(eq(batchItems.batchId, batchId), eq(batchItems.status, 'failed')))
    .returning({ id: batchItems.id });
  if (reset.length > 0)
    await tx
      .update(batches)
      .set({ status: 'running', finishedAt: null, output: null })
      .where(eq(batches.id, batchId));
  return reset.length;
};

/** Stops a batch: items not started are cancelled; an item in progress finishes. */
export const cancelBatch = async (tx: DbOrTx, batchId: string, now: Date): Promise<void> => {
  await tx
    .update(batchItems)
    .set({ status: 'cancelled', finishedAt: now, updatedAt: now })
    .where(and(eq(batchItems.batchId, batchId), eq(batchItems.status, 'pending')));
  await tx
    .update(batches)
    .set({ status: 'cancelled', finishedAt: now })
    .where(and(eq(batches.id, batchId), eq(batches.status, 'running')));
};

/**
 * At most once per (kind, company, subject): returns the earlier result when the effect already
 * happened (in this batch or another), otherwise undefined. Record with `recordClaim` in the same
 * transaction as the effect; the unique key turns a racing second effect into a rollback.
 */
export const findClaim = async (
  tx: DbOrTx,
  key: { kind: string; companyId: string; subject: string },
): Promise<Record<string, unknown> | undefined> => {
  const [row] = await tx
    .select({ result: batchClaims.result })
    .from(batchClaims)
    .where(
      and(
        eq(batchClaims.kind, key.kind),
        eq(batchClaims.companyId, key.companyId),
        eq(batchClaims.subject, key.subject),
      ),
    );
  return row?.result;
};

export const recordClaim = async (
  tx: DbOrTx,
  key: { kind: string; companyId: string; subject: string; itemId: string },
  result: Record<string, unknown>,
): Promise<void> => {
  await tx.insert(batchClaims).values({ ...key, result });
};
