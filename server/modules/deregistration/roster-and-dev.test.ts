import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { companies, deregistrations } from '../../db/schema';
import { decodeRosterRow } from '../../../shared/firms/roster';
import { loadConfig } from '../../config';
import { companyId, FIRM_NOW, firmId, personId, tokens } from '../../test/firms-support';

/*
 * The firm roster marks clients in a simplified deregistration (notice or application window) and
 * deregistered ones; the development clock control and sweep exist only on the test clock.
 */

let t: TestApp;
let plain: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: { clockStart: FIRM_NOW } });
  plain = await createTestApp({ seed: false });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await plain?.close();
});

describe('the firm roster', () => {
  it('tags a client in its deregistration notice and a deregistered one; others stay active', async () => {
    const as = tokens(t);
    const firm = await firmId(t);
    const meijia = await companyId(t, 'meijia-home');
    const zhizao = await companyId(t, 'zhizao-tech');
    const roster = async () =>
      new Map(
        (
          (
            await t.app.inject({
              method: 'GET',
              url: `/api/v1/firms/${firm}/roster`,
              headers: await as('huang'),
            })
          ).json() as { rows: never[] }
        ).rows.map((r) => {
          const row = decodeRosterRow(r);
          return [row.companyId, row.lifecycle];
        }),
      );
    expect(await roster()).toEqual(
      new Map([
        [meijia, 'active'],
        [zhizao, 'active'],
      ]),
    );
    const [d] = await t.ctx.db
      .insert(deregistrations)
      .values({
        companyId: meijia,
        status: 'notice',
        startedByPersonId: await personId(t, 'liu'),
        createdAt: FIRM_NOW,
        noticeFrom: '2026-11-01',
        noticeUntil: '2026-11-20',
        applyUntil: '2026-12-10',
      })
      .returning();
    await t.ctx.db.update(companies).set({ status: 'deregistered' }).where(eq(companies.id, zhizao));
    expect(await roster()).toEqual(
      new Map([
        [meijia, 'deregistering'],
        [zhizao, 'deregistered'],
      ]),
    );
    // An objection ended it: the client is active again.
    await t.ctx.db
      .update(deregistrations)
      .set({ status: 'ended', endedReason: 'objection' })
      .where(eq(deregistrations.id, d!.id));
    expect((await roster()).get(meijia)).toBe('active');
  });
});

describe('the development clock control', () => {
  it('moves the test clock forward and runs the sweep on demand', async () => {
    const before = t.ctx.now().getTime();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dev/clock',
      payload: { advanceDays: 20 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const moved = new Date((res.json() as { now: string }).now).getTime();
    expect(moved - before).toBeGreaterThanOrEqual(20 * 86_400_000);
    expect(t.ctx.now().getTime()).toBeGreaterThanOrEqual(moved);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/dev/clock', payload: { advanceDays: 0 } });
    expect(bad.statusCode).toBe(422);
    const sweep = await t.app.inject({ method: 'POST', url: '/api/v1/dev/deregistration/sweep' });
    expect(sweep.statusCode, sweep.body).toBe(200);
    expect(sweep.json()).toEqual({ completed: 0 });
  });

  it('does not exist without the test clock', async () => {
    for (const url of ['/api/v1/dev/clock', '/api/v1/dev/deregistration/sweep']) {
      const res = await plain.app.inject({ method: 'POST', url, payload: { advanceDays: 1 } });
      expect(res.statusCode, url).toBe(404);
    }
    const now = Date.now();
    expect(Math.abs(plain.ctx.now().getTime() - now)).toBeLessThan(60_000);
  });

  it('is refused in production', () => {
    const env = {
      SHANGTONG_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
      SHANGTONG_CLOCK_START: '2026-11-22T04:00:00Z',
    };
    expect(() => loadConfig({}, { ...env, NODE_ENV: 'production' })).toThrow(/refused in production/);
    expect(loadConfig({}, env).clockStart?.toISOString()).toBe('2026-11-22T04:00:00.000Z');
  });
});
