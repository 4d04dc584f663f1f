import type { z } from 'zod';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import type { batches, batchItems } from '../../db/schema';
import type { LocalizedText } from '../../../shared/text';

export type BatchRow = typeof batches.$inferSelect;
export type BatchItemRow = typeof batchItems.$inferSelect;
export type BatchOutput = NonNullable<BatchRow['output']>;

/**
 * How an item ended when its handler returned: done (it had its effect) or skipped (nothing to do,
 * with the reason when the client turned out not to qualify — retrying would not change that).
 */
export type ItemOutcome = {
  status: 'done' | 'skipped';
  result: Record<string, unknown>;
  reason?: { code: string; message: LocalizedText };
  /** Runs once the item's transaction has committed (events must not announce a rollback). */
  after?: () => Promise<void>;
};

/**
 * What a kind of batch does with one item. `process` runs in a savepoint of the chunk's
 * transaction that also marks the item finished, so its effect and the mark commit together or
 * not at all (a failed item rolls back to its savepoint alone). It throws a
 * DomainError (code + {zh,en}) to fail the item with a message people can act on.
 */
export type BatchKindHandler = {
  process: (ctx: AppContext, tx: DbOrTx, batch: BatchRow, item: BatchItemRow) => Promise<ItemOutcome>;
  /** Once every item is finished: a file built from the results (e.g. a zip of receipts). */
  finish?: (ctx: AppContext, batch: BatchRow) => Promise<BatchOutput | null>;
  /** The batch in words, for lists and the progress page. */
  title: (params: Record<string, unknown>) => LocalizedText;
  /** A finished item's result in words. */
  describe: (result: Record<string, unknown>) => LocalizedText | null;
};

export type BatchKinds = Readonly<Record<string, BatchKindHandler>>;

/** A kind as written: the schema of its parameters, and handlers that receive them checked and typed. */
export type BatchKindDefinition<P> = {
  params: z.ZodType<P>;
  process: (
    ctx: AppContext,
    tx: DbOrTx,
    batch: BatchRow,
    item: BatchItemRow,
    params: P,
  ) => Promise<ItemOutcome>;
  finish?: (ctx: AppContext, batch: BatchRow, params: P) => Promise<BatchOutput | null>;
  title: (params: P) => LocalizedText;
  describe: (result: Record<string, unknown>) => LocalizedText | null;
};

/**
 * The runner's view of a kind: `batches.params` is stored JSON, read back here through the kind's
 * schema (it was written from the same type by createBatch) before any handler sees it.
 */
export const defineBatchKind = <P>(kind: BatchKindDefinition<P>): BatchKindHandler => {
  const read = (params: unknown): P => kind.params.parse(params);
  const finish = kind.finish;
  return {
    title: (params) => kind.title(read(params)),
    describe: kind.describe,
    process: (ctx, tx, batch, item) => kind.process(ctx, tx, batch, item, read(batch.params)),
    ...(finish
      ? { finish: (ctx: AppContext, batch: BatchRow) => finish(ctx, batch, read(batch.params)) }
      : {}),
  };
};
