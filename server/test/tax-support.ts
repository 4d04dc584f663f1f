import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from './harness';
import { companies } from '../db/schema';
import { demoCompanies } from '../seed/demo-data';

/** The demo sandbox's "today": Sunday 22 November 2026, noon in China. */
export const DEMO_NOW = new Date('2026-11-22T04:00:00Z');

export const Q3_2026 = { type: 'quarter', year: 2026, quarter: 3 } as const;

export const companyIdOf = async (t: TestApp, key: string): Promise<string> => {
  const uscc = demoCompanies.find((c) => c.key === key)?.uscc ?? '';
  const [row] = await t.ctx.db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, uscc));
  if (!row) throw new Error(`no demo company ${key}`);
  return row.id;
};

/** A signed-in caller for route tests: one token per person, fresh Idempotency-Key per call. */
export const caller = (t: TestApp) => {
  const tokens = new Map<string, string>();
  const token = async (who: string): Promise<string> => {
    let tok = tokens.get(who);
    if (!tok) {
      tok = await t.signIn(who);
      tokens.set(who, tok);
    }
    return tok;
  };
  const send = async (
    who: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
    key: string = randomUUID(),
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...t.auth(await token(who)), ...(method === 'POST' ? { 'idempotency-key': key } : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    get: (who: string, url: string) => send(who, 'GET', url),
    post: (who: string, url: string, payload: unknown, key?: string) => send(who, 'POST', url, payload, key),
    put: (who: string, url: string, payload: unknown) => send(who, 'PUT', url, payload),
  };
};

export const expectError = (
  res: { statusCode: number; json: () => unknown },
  status: number,
  code: string,
): void => {
  expect({ status: res.statusCode, code: (res.json() as { error?: { code?: string } }).error?.code }).toEqual(
    {
      status,
      code,
    },
  );
};

export const smallScaleInput = (general1pct: string, extra: Record<string, string> = {}) => ({
  form: 'vat-small-scale' as const,
  sales: { general1pct, ...extra },
});
