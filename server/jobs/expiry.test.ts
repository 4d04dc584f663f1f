import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../test/harness';
import { idempotencyKeys } from '../db/schema';
import { expireIdempotencyKeys, IDEMPOTENCY_KEY_HOURS, isExpiredKey } from './expiry';
import { sweepRateLimits } from '../security/rate-limit-store';
import { rateLimitHits } from '../db/schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => t.close());

describe('idempotency keys expire after a documented time', () => {
  it(`forgets keys older than ${IDEMPOTENCY_KEY_HOURS} hours and keeps younger ones`, async () => {
    const now = new Date();
    const old = new Date(now.getTime() - (IDEMPOTENCY_KEY_HOURS + 1) * 3_600_000);
    const row = { accountId: randomUUID(), route: '/x', requestHash: 'h', status: 'done' as const };
    await t.ctx.db.insert(idempotencyKeys).values([
      { ...row, key: 'old-key', createdAt: old },
      { ...row, key: 'young-key', createdAt: now },
    ]);
    expect(isExpiredKey(old, now)).toBe(true);
    expect(isExpiredKey(now, now)).toBe(false);
    expect(await expireIdempotencyKeys(t.ctx.db, now)).toBe(1);
    const left = await t.ctx.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys);
    expect(left.map((r) => r.key)).toEqual(['young-key']);
  });

  it('sweeps rate-limit counters whose window ended', async () => {
    const now = new Date();
    await t.ctx.db.insert(rateLimitHits).values([
      { key: 'ended', hits: 3, resetAt: new Date(now.getTime() - 1_000) },
      { key: 'open', hits: 3, resetAt: new Date(now.getTime() + 60_000) },
    ]);
    expect(await sweepRateLimits(t.ctx.db, now)).toBe(1);
    const left = await t.ctx.db.select({ key: rateLimitHits.key }).from(rateLimitHits);
    expect(left.map((r) => r.key)).toEqual(['open']);
  });
});
