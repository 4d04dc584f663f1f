import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';

/** Method + path of every operation the platform published before the route contracts. */
const before = JSON.parse(
  readFileSync(new URL('./__fixtures__/openapi-operations.json', import.meta.url), 'utf8'),
) as string[];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => t.close());

describe('OpenAPI document', () => {
  it('keeps every operation it published before (new ones may be added)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
    const now = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(before.length).toBeGreaterThan(100);
    expect(before.filter((op) => !now.includes(op))).toEqual([]);
  });
});
