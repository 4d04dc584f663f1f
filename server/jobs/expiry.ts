import { lt } from 'drizzle-orm';
import type { Db } from '../db/types';
import { idempotencyKeys } from '../db/schema';

/**
 * How long a submission's Idempotency-Key is remembered: a retry within this time returns the first
 * answer; after it, the same key is a new submission. Clients make a fresh key per submission, and
 * retries happen within minutes, so a day is generous.
 */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** True for a key past its time (replays ignore it even before the sweep removed it). */
export const isExpiredKey = (createdAt: Date, now: Date): boolean =>
  now.getTime() - createdAt.getTime() > IDEMPOTENCY_KEY_HOURS * 3_600_000;

/** Forgets idempotency keys older than IDEMPOTENCY_KEY_HOURS; returns how many. */
export const expireIdempotencyKeys = async (db: Db, now: Date): Promise<number> => {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000);
  const gone = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
};
