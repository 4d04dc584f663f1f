import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../db/open';
import { buildApp } from '../app';
import { createContext } from '../create-context';
import { benchConfig } from '../../bench/support';
import { openPostgres } from '../test/harness';

/**
 * The sign-in limit (30 a minute per client) holds across two instances on one database: the
 * guesses spread over both are counted together (before: 58 of 60 got through two instances).
 */
const url = process.env.DATABASE_URL;

describe.skipIf(!url)('rate limits across instances (PostgreSQL)', () => {
  let shared: DatabaseHandle;
  let second: DatabaseHandle;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    shared = await openPostgres(url!);
    second = await openDatabase({ kind: 'postgres', url: shared.url! });
    for (const handle of [shared, second]) {
      const app = await buildApp(createContext(handle, benchConfig({ signInRatePerMinute: 30 })), {
        logger: false,
        rateLimit: true,
      });
      await app.ready();
      apps.push(app);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await second?.close();
    await shared?.close();
  });

  it('lets through no more than the limit, wherever the requests land', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await apps[i % 2]!.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login: '13900000000', password: 'wrong-guess' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    expect(statuses.slice(0, 30)).not.toContain(429);
  });
});
