import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';

/** The sign-in limit per client is the deployment's SHANGTONG_SIGNIN_RATE_PER_MINUTE, not a constant. */
describe('sign-in rate limit from configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, rateLimit: true, config: { signInRatePerMinute: 4 } });
  });
  afterAll(async () => t.close());

  it('refuses the guess after the configured number within a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login: '13900000000', password: 'wrong-guess' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 4)).not.toContain(429);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });
});
