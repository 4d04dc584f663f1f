// The desktop's LAN listener serves the phone-facing pages and their API only; everything else,
// sign-in included, answers 404 there (it stays on 127.0.0.1).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { createTestApp, type TestApp } from './test/harness';

let t: TestApp;
let phone: FastifyInstance;
let web: string;

beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'phone-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>商通</title>');
  t = await createTestApp({ config: { webRoot: web } });
  phone = await buildApp(t.ctx, { logger: false, rateLimit: false, phoneOnly: true });
  await phone.ready();
});
afterAll(async () => {
  await phone.close();
  await t.close();
  rmSync(web, { recursive: true, force: true });
});

const get = (url: string) => phone.inject({ method: 'GET', url });

describe('the phone listener', () => {
  it('answers the phone-facing API', async () => {
    expect((await get('/api/v1/licences/issuers')).statusCode).toBe(200);
    // A bad approval token is the approval route's own answer, not a missing route.
    const approval = await get('/api/v1/approvals/AAAAAAAAAAAAAAAAAAAAAA');
    expect(approval.json().error.code).toBe('LINK_INVALID');
    // An unknown confirmation link answers as on the main listener (the route ran, with its own text).
    const url = '/api/v1/registration/confirm-links/AAAAAAAAAAAAAAAAAAAAAA';
    const main = await t.app.inject({ method: 'GET', url });
    expect((await get(url)).json()).toEqual(main.json());
    expect((await get('/api/v1/registration/confirm-links/x')).json()).toEqual(
      (await t.app.inject({ method: 'GET', url: '/api/v1/registration/confirm-links/x' })).json(),
    );
    const code = await get('/api/v1/licences/codes/AAAAAAAAAAAAAAAAAAAA');
    expect(code.json().error.code).toBe('VERIFY_CODE_UNKNOWN');
  });

  it('serves the app shell for the phone pages only', async () => {
    for (const page of [
      '/a/abc',
      '/approve/abc',
      '/c/abc',
      '/registration/confirm-link/abc',
      '/v',
      '/v/abc',
      '/shared/abc',
    ]) {
      const res = await get(page);
      expect(res.statusCode, page).toBe(200);
      expect(res.body).toContain('商通');
    }
    for (const page of ['/', '/companies/x', '/firm', '/sign-in'])
      expect((await get(page)).statusCode, page).toBe(404);
  });

  it('answers every other API route with 404, sign-in included', async () => {
    const others = [
      ['POST', '/api/v1/auth/sign-in'],
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/events'],
      ['GET', '/api/v1/openapi.json'],
      ['GET', '/api/v1/health'],
      ['GET', '/api/v1/delegations/mine'],
      ['POST', '/api/v1/licences/verify-nothing'],
    ] as const;
    for (const [method, url] of others) {
      const res = await phone.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('NOT_FOUND');
    }
    // The same routes exist on the main listener.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).statusCode).toBe(200);
  });
});
