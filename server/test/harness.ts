import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/open';
import { buildApp } from '../app';
import { createContext } from '../platform';
import type { AppContext } from '../context';
import type { Config } from '../config';
import { benchConfig } from '../../bench/support';
import { seedDemo } from '../seed/demo';
import { DEMO_PASSWORD, demoPeople } from '../seed/demo-data';
import { SNAPSHOT_PATH } from './global-setup';

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  /** Signs in a demo person by key ('chen', 'li', …) and returns a bearer token. */
  signIn: (personKey: string) => Promise<string>;
  /** Authorization header for a token. */
  auth: (token: string) => { authorization: string };
  close: () => Promise<void>;
};

/** The benchmarks' in-process configuration, on PostgreSQL when DATABASE_URL is set. */
const testConfig = (overrides: Partial<Config> = {}): Config =>
  benchConfig({ databaseUrl: process.env.DATABASE_URL, ...overrides });

/** A fresh PostgreSQL database per test file, dropped at the end. */
const openPostgres = async (url: string): Promise<DatabaseHandle> => {
  const name = `st_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: dbUrl.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
};

/**
 * An in-process platform for route tests: a fresh database (PGlite from the migrated snapshot, or
 * PostgreSQL when DATABASE_URL is set), optionally the demo sandbox, and fastify.inject.
 */
export const createTestApp = async (
  options: { seed?: boolean; now?: () => Date; rateLimit?: boolean; config?: Partial<Config> } = {},
): Promise<TestApp> => {
  const url = process.env.DATABASE_URL;
  const handle = url
    ? await openPostgres(url)
    : await openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([readFileSync(SNAPSHOT_PATH)]) });
  const ctx = createContext(handle, testConfig(options.config));
  if (options.now) ctx.now = options.now;
  if (options.seed !== false) await seedDemo(ctx, { licences: false });
  const app = await buildApp(ctx, { logger: false, rateLimit: options.rateLimit ?? false });
  await app.ready();
  const signIn = async (personKey: string): Promise<string> => {
    const person = demoPeople.find((p) => p.key === personKey);
    if (!person) throw new Error(`no demo person ${personKey}`);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: person.phone, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in ${personKey} failed: ${res.body}`);
    return (res.json() as { token: string }).token;
  };
  return {
    app,
    ctx,
    signIn,
    auth: (token) => ({ authorization: `Bearer ${token}` }),
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
};
