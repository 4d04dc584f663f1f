import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => t.close());

describe('health and OpenAPI', () => {
  it('reports the database kind and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      version: expect.any(String),
    });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('describes every route in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.paths['/api/v1/identifiers/validate'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/v1/companies/{companyId}'].get.security).toEqual([{ bearer: [] }]);
  });
});

describe('POST /api/v1/identifiers/validate (contract in identifiers.md)', () => {
  const validate = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/identifiers/validate', payload: payload as object });

  it('validates USCCs in strict and normalized modes', async () => {
    const ok = await validate({ kind: 'uscc', value: '91350100M000100Y43' });
    expect(ok.json()).toMatchObject({ valid: true, normalized: '91350100M000100Y43', errors: [] });
    const strict = await validate({ kind: 'uscc', value: '9144030071526726xg', mode: 'strict' });
    expect(strict.json().valid).toBe(false);
    expect(strict.json().errors.map((e: { code: string }) => e.code)).toContain('LOWERCASE');
    const normalized = await validate({ kind: 'uscc', value: '9144030071526726xg', mode: 'normalized' });
    expect(normalized.json()).toMatchObject({ valid: true, normalized: '9144030071526726XG' });
    const pilot = await validate({ kind: 'uscc', value: '91350100M0001TGQXM' });
    expect(pilot.json().errors.map((e: { code: string }) => e.code)).toEqual(['CHECK_CHAR']);
  });

  it('validates resident IDs with gender and birth date', async () => {
    const res = await validate({ kind: 'resident-id', value: '11010519491231002X' });
    expect(res.json()).toMatchObject({ valid: true, gender: 'female', birthDate: '1949-12-31' });
    const legacy = await validate({ kind: 'resident-id', value: '110105491231002' });
    expect(legacy.json().errors[0].code).toBe('LEGACY_15_DIGIT');
  });

  it('validates the published e-licence identifier', async () => {
    const res = await validate({
      kind: 'licence-id',
      value: '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
    });
    expect(res.json().valid).toBe(true);
  });

  it('answers 422 INVALID_REQUEST for a value that is not a string, an unknown kind or field', async () => {
    for (const payload of [
      { kind: 'uscc', value: 91440300 },
      { kind: 'passport', value: 'x' },
      { kind: 'uscc', value: 'x', extra: 1 },
    ]) {
      const res = await validate(payload);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('INVALID_REQUEST');
    }
  });
});
