// Three platform instances on one PostgreSQL database behind nginx (e2e/cluster/cluster.ts).
// Proves what crosses instances: the delegation flow with the agent's browser (through nginx),
// the phone (one instance directly) and an event stream (another instance directly), with an
// instance killed mid-flow; a batch of 200 zero filings done exactly once by several instances;
// the sign-in rate limit shared by all instances. Every answer names its instance in the
// `x-shangtong-instance` header.
import { chromium, devices, expect, test, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { ensureFakeCamera, fakeCameraArgs, FIXED_CHALLENGE } from '../support/fake-camera';
import { SignInPage, demo } from '../support/pages';
import { seedFirmClients, startCluster, type Cluster } from './cluster';
import { call, openStream, signIn } from './api';

let cluster: Cluster;
let browser: Browser;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  ensureFakeCamera();
  cluster = await startCluster({
    instances: 3,
    // Chunks of 10 items per transaction, so that the 200-item batch spreads over the instances.
    env: { ...FIXED_CHALLENGE, SHANGTONG_BATCH_CHUNK: '10' },
    // 222 synthetic clients, 200 of them quarterly small-scale taxpayers (nil VAT returns).
    afterSeed: (url, env) => seedFirmClients(url, env, 222),
  });
  browser = await chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [...chromiumArgs, ...fakeCameraArgs],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await cluster?.stop();
});

test('delegation across instances: agent via nginx, phone on one instance, a stream on another, one instance killed mid-flow', async () => {
  test.setTimeout(240_000);
  const [i1, i2, i3] = cluster.instances;
  const desk = await browser.newContext({
    baseURL: cluster.url,
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const answeredBy = new Set<string>();
  desk.on('response', (r) => {
    const name = r.headers()['x-shangtong-instance'];
    if (name && r.url().includes('/api/')) answeredBy.add(name);
  });
  const agent = await desk.newPage();
  await new SignInPage(agent).signIn(demo.li);
  // The same person's event stream held open on the third instance directly.
  const stream = await openStream(i3!.url, await signIn(i3!.url, demo.li));
  expect(stream.instance).toBe('i3');

  await agent.goto('/');
  const company = '广州市云帆信息科技有限公司';
  await agent
    .getByTestId('company-row')
    .filter({ hasText: company })
    .getByRole('link', { name: company })
    .click();
  await agent.getByTestId('delegation-request').click();
  const dialog = agent.getByRole('dialog');
  await dialog.getByText('申报纳税', { exact: true }).click();
  await dialog.getByText('仅本次（一次性）', { exact: true }).click();
  await dialog.getByLabel('办理的事项').fill('2026年第一季度增值税申报');
  await dialog.getByText('3 个月', { exact: true }).click();
  await dialog.getByTestId('delegation-submit').click();
  await expect(agent.getByTestId('delegation-pending')).toBeVisible();
  const link = await agent.getByTestId('approval-link').inputValue();
  // Built on the public URL (the load balancer), short and opaque.
  expect(link.startsWith(cluster.url)).toBe(true);
  expect(link.length).toBeLessThan(80);

  // Mid-flow, the first instance dies without draining; nginx sends everything to the others.
  await cluster.kill(0);

  // The phone talks to the second instance directly.
  const phone = await browser.newContext({
    ...devices['Pixel 7'],
    baseURL: i2!.url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['camera'],
  });
  const phoneAnsweredBy = new Set<string>();
  let decidedAt = 0;
  phone.on('response', (r) => {
    const name = r.headers()['x-shangtong-instance'];
    if (name) phoneAnsweredBy.add(name);
    // The approval is committed when the phone gets this answer.
    if (/\/api\/v1\/approvals\/[^/]+\/verify$/.test(r.url()) && r.ok()) decidedAt = Date.now();
  });
  const mobile = await phone.newPage();
  await mobile.goto(link.replace(cluster.url, i2!.url));
  await expect(mobile.getByTestId('approve-company')).toHaveText(company);
  await mobile.getByTestId('approve-agree').click();
  await expect(mobile.getByTestId('approve-success')).toBeVisible({ timeout: 150_000 });
  expect([...phoneAnsweredBy]).toEqual(['i2']);

  // The event produced on i2 reaches the stream on i3 within a second of the commit (the phone's answer)…
  const approved = await stream.next('delegation.approved', 10_000);
  expect(decidedAt).toBeGreaterThan(0);
  expect(approved.at - decidedAt).toBeLessThan(1_000);
  // …and the agent's page (whose stream may have been on the killed instance) flips without a reload.
  await expect(agent.getByTestId('delegation-active')).toContainText('已获授权，有效期至');
  expect(answeredBy.size).toBeGreaterThan(1);
  stream.close();
  await phone.close();
  await desk.close();
  await cluster.restart(0);
  expect((await call(i1!.url, 'GET', '/api/v1/openapi.json')).instance).toBe('i1');
});

test('a batch of 200 zero filings completes exactly once, its items processed on several instances', async () => {
  test.setTimeout(180_000);
  const token = await signIn(cluster.url, demo.huang);
  const me = await call<{ firms: { id: string }[] }>(cluster.url, 'GET', '/api/v1/me', token);
  const firmId = me.body.firms[0]!.id;
  const roster = await call<{ periods: { quarter: string }; rows: [string, ...unknown[]][] }>(
    cluster.url,
    'GET',
    `/api/v1/firms/${firmId}/roster`,
    token,
  );
  const periodKey = roster.body.periods.quarter;
  const preview = await call<{ rows: { companyId: string; eligible: boolean }[] }>(
    cluster.url,
    'POST',
    `/api/v1/firms/${firmId}/batches/zero-filing/preview`,
    token,
    { periodKey, clients: { companyIds: roster.body.rows.map((r) => r[0]) } },
  );
  const companyIds = preview.body.rows
    .filter((r) => r.eligible)
    .map((r) => r.companyId)
    .slice(0, 200);
  expect(companyIds).toHaveLength(200);
  const started = await call<{ id: string }>(
    cluster.url,
    'POST',
    `/api/v1/firms/${firmId}/batches/zero-filing`,
    token,
    {
      periodKey,
      clients: { companyIds },
    },
  );
  expect(started.status).toBe(201);
  const batchId = started.body.id;
  await expect
    .poll(
      async () =>
        (
          await call<{ status: string }>(
            cluster.url,
            'GET',
            `/api/v1/firms/${firmId}/batches/${batchId}`,
            token,
          )
        ).body.status,
      { timeout: 150_000, intervals: [500] },
    )
    .toBe('done');
  const byInstance = await cluster.query<{ processed_by: string; n: string }>(
    "select processed_by, count(*) as n from batch_items where batch_id = $1 and status = 'done' group by processed_by",
    [batchId],
  );
  expect(byInstance.reduce((s, r) => s + Number(r.n), 0)).toBe(200);
  expect(byInstance.length).toBeGreaterThan(1);
  // Exactly once: one nil return per company for the period, none twice.
  const filed = await cluster.query<{ company_id: string; n: string }>(
    'select company_id, count(*) as n from tax_returns where period_key = $1 and zero_filing and company_id = any($2::uuid[]) group by company_id',
    [periodKey, companyIds],
  );
  expect(filed).toHaveLength(200);
  expect(filed.filter((f) => Number(f.n) !== 1)).toEqual([]);
});

test('the sign-in rate limit holds across instances (30 a minute, not 30 per instance)', async () => {
  // Wrong passwords for an unknown login (no account lockout involved), spread over all three
  // instances directly: together they allow at most the limit in the window.
  const statuses: number[] = [];
  for (let n = 0; n < 60; n++) {
    const base = cluster.instances[n % 3]!.url;
    const a = await call(base, 'POST', '/api/v1/auth/sign-in', undefined, {
      login: '13999999999',
      password: 'wrong-password',
    });
    statuses.push(a.status);
  }
  const allowed = statuses.filter((s) => s !== 429).length;
  expect(allowed).toBeLessThanOrEqual(30);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
});
