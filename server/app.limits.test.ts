import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => t.close());

describe('router refusals use the product’s error envelope', () => {
  it('answers a path parameter over the limit with 414 and our envelope, without echoing the path', async () => {
    const long = 'a'.repeat(3000);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/companies/${long}` });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({
      error: { code: 'PATH_TOO_LONG', message: expect.any(String) as unknown },
    });
    expect(res.body).not.toContain(long.slice(0, 200));
  });
});
