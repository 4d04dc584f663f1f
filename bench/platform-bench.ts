import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import type { Section } from './report';
import { fmtMs } from './report';
import { floorStart, startCompiled as startCli, startTsx } from './start-bench';

/** `npm run bench -- --quick`: shorter load runs (1 s instead of 5). */
const quick = process.argv.includes('--quick');

const rssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
};

const load = async (
  url: string,
  headers: Record<string, string> = {},
  amount?: number,
): Promise<{ rps: number; p50: number; p99: number; total: number }> => {
  const result = await autocannon({
    url,
    connections: 10,
    duration: quick ? 1 : 5,
    headers,
    ...(amount === undefined ? {} : { amount }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
};

/** 陈志明, legal representative of two demo companies: his company list is the home page's. */
const tokenFor = async (base: string): Promise<string> => {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: '13800000001', password: 'Demo@2026' }),
  });
  return ((await res.json()) as { token: string }).token;
};

const helloWorld = async (): Promise<{ rps: number }> => {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const r = await load(`http://127.0.0.1:${port}/`);
  await app.close();
  return r;
};

/** Start time (new/existing folder), RSS, API under load on PGlite and PostgreSQL beside bare Fastify. */
export const benchPlatform = async (): Promise<Section> => {
  const rows: [string, string][] = [];
  const dir = mkdtempSync(join(tmpdir(), 'st-bench-'));
  try {
    // A new folder without the demo seed: the snapshot of the migrated database (out/server,
    // made by npm run build:server) loaded into it, then the migrations' check. Its floor is Node
    // and PGlite opening that folder once it exists.
    const bare = mkdtempSync(join(tmpdir(), 'st-bench-new-'));
    const fresh = await startCli(['--data', bare]);
    await fresh.stop();
    const bareFloor = await floorStart(bare);
    rmSync(bare, { recursive: true, force: true });
    rows.push([
      'start, new data folder (from the migrated snapshot)',
      `${fmtMs(fresh.ms)}, ${(fresh.ms / bareFloor).toFixed(2)}× the floor (goal ≤ 2×; floor ${fmtMs(bareFloor)})`,
    ]);
    const first = await startCli(['--data', dir, '--seed', 'demo']);
    rows.push([
      'start, new data folder with the demo seed (snapshot + demo rows; portraits after listen)',
      fmtMs(first.ms),
    ]);
    await first.stop();
    const again = await startCli(['--data', dir]);
    const startRss = rssMb(again.pid);
    await again.stop();
    // Same folder, one after another: the floor, the source under tsx, then the compiled CLI again.
    const floor = await floorStart(dir);
    // --quick leaves out the start under tsx (a comparison with the old way, no goal of its own).
    const viaTsx = quick ? undefined : await startTsx(['--data', dir]);
    await viaTsx?.stop();
    const compiled = await startCli(['--data', dir]);
    const compiledMs = Math.min(again.ms, compiled.ms);
    rows.push(['floor: Node + PGlite opening the same folder', fmtMs(floor)]);
    rows.push([
      'start, existing data folder (compiled, best of 2)',
      `${fmtMs(compiledMs)}, ${(compiledMs / floor).toFixed(2)}× the floor (goal ≤ 2×)`,
    ]);
    if (viaTsx)
      rows.push([
        'start, existing data folder (source under tsx)',
        `${fmtMs(viaTsx.ms)}, ${(viaTsx.ms / floor).toFixed(2)}× the floor`,
      ]);
    rows.push(['RSS after start (PGlite)', `${startRss.toFixed(0)} MB (goal ≤ 350 MB)`]);
    const again2 = compiled;
    const hello = await helloWorld();
    rows.push(['bare Fastify hello-world', `${hello.rps.toFixed(0)} req/s`]);
    const health = await load(`${again2.url}/api/v1/health`);
    rows.push([
      'PGlite: GET /health',
      `${health.rps.toFixed(0)} req/s (p50 ${health.p50} ms, p99 ${health.p99} ms), ${(health.rps / hello.rps).toFixed(2)}× hello-world`,
    ]);
    const token = await tokenFor(again2.url);
    const list = await load(`${again2.url}/api/v1/companies`, { authorization: `Bearer ${token}` });
    rows.push([
      'PGlite: authenticated GET /companies',
      `${list.rps.toFixed(0)} req/s (p50 ${list.p50} ms, p99 ${list.p99} ms), ${(list.rps / hello.rps).toFixed(2)}× hello-world`,
    ]);
    // Memory over many requests: 10,000 more authenticated reads in the full run.
    const beforeMany = rssMb(again2.pid);
    const afterLoad = await load(
      `${again2.url}/api/v1/companies`,
      { authorization: `Bearer ${token}` },
      quick ? undefined : 10_000,
    );
    const served = health.total + list.total + afterLoad.total;
    rows.push([
      'PGlite: RSS after the load runs',
      `${rssMb(again2.pid).toFixed(0)} MB after ${served.toLocaleString('en')} requests (${startRss.toFixed(0)} MB after start, ${beforeMany.toFixed(0)} MB before the last ${afterLoad.total.toLocaleString('en')})`,
    ]);
    await again2.stop();

    const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const pg = await import('pg');
    const name = `st_bench_${Date.now()}`;
    const admin = new pg.default.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const dbUrl = new URL(pgUrl);
    dbUrl.pathname = `/${name}`;
    try {
      const onPg = await startCli(['--data', dir, '--seed', 'demo'], { DATABASE_URL: dbUrl.toString() });
      rows.push(['start on PostgreSQL (migrate + demo seed)', fmtMs(onPg.ms)]);
      rows.push(['RSS after start (PostgreSQL driver)', `${rssMb(onPg.pid).toFixed(0)} MB`]);
      const h = await load(`${onPg.url}/api/v1/health`);
      rows.push([
        'PostgreSQL: GET /health',
        `${h.rps.toFixed(0)} req/s (p50 ${h.p50} ms, p99 ${h.p99} ms), ${(h.rps / hello.rps).toFixed(2)}× hello-world`,
      ]);
      const tok = await tokenFor(onPg.url);
      const l = await load(`${onPg.url}/api/v1/companies`, { authorization: `Bearer ${tok}` });
      rows.push([
        'PostgreSQL: authenticated GET /companies',
        `${l.rps.toFixed(0)} req/s (p50 ${l.p50} ms, p99 ${l.p99} ms), ${(l.rps / hello.rps).toFixed(2)}× hello-world`,
      ]);
      await onPg.stop();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: 'Platform',
    method:
      'The CLI is started as a user would start it, timed to its "listening on" line. Load: autocannon, 10 connections, 5 s, on loopback. The authenticated list is 陈志明’s (two companies as legal representative; before 2026-11-22 it was the firm admin’s).',
    rows,
  };
};

/** The JS the browser must fetch before the first screen, gzip-compressed. */
export const benchRendererSize = (): Section => {
  const root = 'dist/renderer';
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const gz = (f: string): number => gzipSync(readFileSync(join(root, f))).length;
  const initialBytes = initial.reduce((s, f) => s + gz(f), 0);
  const all = readdirSync(join(root, 'assets')).filter((f) => f.endsWith('.js'));
  const allBytes = all.reduce((s, f) => s + gz(join('assets', f)), 0);
  const raw = all.reduce((s, f) => s + statSync(join(root, 'assets', f)).size, 0);
  return {
    title: 'Renderer bundle',
    method: 'Sizes of the production build (npm run build:web), gzip level 6.',
    rows: [
      [
        'initial JS (entry + preloaded chunks), gzip',
        `${(initialBytes / 1024).toFixed(0)} KB in ${initial.length} files`,
      ],
      ['all JS, gzip', `${(allBytes / 1024).toFixed(0)} KB (${(raw / 1024).toFixed(0)} KB raw)`],
    ],
  };
};
