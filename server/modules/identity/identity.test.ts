import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { demoPeople, DEMO_PASSWORD } from '../../seed/demo-data';
import { accounts, persons, sessions } from '../../db/schema';
import { makeResidentId } from '../../../shared/identifiers/generate';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const chen = demoPeople.find((p) => p.key === 'chen')!;

describe('sign-in', () => {
  it('signs in by phone and by resident ID, returning the masked person', async () => {
    for (const login of [chen.phone, chen.residentId, chen.residentId.toLowerCase()]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login, password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.me.person.name).toBe('陈志明');
      expect(body.me.person.residentIdMasked).toBe(
        `${chen.residentId.slice(0, 4)}**********${chen.residentId.slice(-4)}`,
      );
      expect(JSON.stringify(body)).not.toContain(chen.residentId);
    }
  });

  it('stores personal data encrypted and tokens hashed', async () => {
    const token = await t.signIn('chen');
    const [p] = await t.ctx.db.select().from(persons).where(eq(persons.name, '陈志明'));
    expect(p!.residentIdEnc).not.toContain(chen.residentId);
    expect(t.ctx.cipher.decrypt(p!.residentIdEnc)).toBe(chen.residentId);
    const rows = await t.ctx.db.select().from(sessions);
    expect(rows.some((s) => s.tokenHash === token)).toBe(false);
  });

  it('refuses a wrong password with BAD_CREDENTIALS and locks after five failures', async () => {
    const li = demoPeople.find((p) => p.key === 'sun')!;
    for (let i = 1; i <= 4; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login: li.phone, password: 'wrong-password' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('BAD_CREDENTIALS');
    }
    const fifth = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: li.phone, password: 'wrong-password' },
    });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    const correct = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: li.phone, password: DEMO_PASSWORD },
    });
    expect(correct.statusCode).toBe(423);
    await t.ctx.db.update(accounts).set({ lockedUntil: null });
  });

  it('answers English when asked', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'accept-language': 'en-GB' },
      payload: { login: '13899999999', password: 'whatever1' },
    });
    expect(res.json().error.message).toMatch(/incorrect/);
  });
});

describe('bad input never reaches a 500', () => {
  it.each([
    ['malformed JSON', '{"login":', 400, 'MALFORMED_JSON'],
    ['wrong types', JSON.stringify({ login: 5, password: true }), 422, 'INVALID_REQUEST'],
    ['unknown fields', JSON.stringify({ login: 'a', password: 'b', admin: true }), 422, 'INVALID_REQUEST'],
    ['oversize body', JSON.stringify({ login: 'a', password: 'x'.repeat(2_000_000) }), 413, 'BODY_TOO_LARGE'],
  ])('%s', async (_name, payload, status, code) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('refuses forged, expired and revoked tokens with 401', async () => {
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: t.auth('forged-token') });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('UNAUTHENTICATED');
    const token = await t.signIn('chen');
    await t.ctx.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: t.auth(token) })).statusCode,
    ).toBe(401);
  });

  it('unknown API routes answer the envelope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('sessions', () => {
  it('sign-out ends this session; sign-out-all ends every session', async () => {
    const a = await t.signIn('wang');
    const b = await t.signIn('wang');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: t.auth(a) })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: t.auth(a) })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: t.auth(b) })).statusCode).toBe(
      200,
    );
    const c = await t.signIn('wang');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-all', headers: t.auth(c) });
    for (const tok of [b, c])
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: t.auth(tok) })).statusCode,
      ).toBe(401);
  });

  it('keeps preferences on the account', async () => {
    const token = await t.signIn('li');
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      headers: t.auth(token),
      payload: { lang: 'en', elderMode: true },
    });
    expect(put.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: t.auth(token) });
    expect(me.json().preferences).toEqual({ lang: 'en', elderMode: true });
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      headers: t.auth(token),
      payload: { lang: 'fr', elderMode: true },
    });
    expect(bad.statusCode).toBe(422);
  });
});

describe('sign-up', () => {
  const residentId = makeResidentId({ division: '440106', birthDate: '19920101', sequence: 11 });
  it('validates the resident ID with the shared validator before asking the authority', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-ups',
      payload: {
        name: '测试人',
        residentId: residentId.slice(0, 17) + (residentId.endsWith('1') ? '2' : '1'),
        phone: '13912345678',
        faceConsent: true,
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_RESIDENT_ID', field: 'residentId' });
  });
});
