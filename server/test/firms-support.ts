// Shared helpers for the firm workspace tests (not product code).
import { eq } from 'drizzle-orm';
import type { TestApp } from './harness';
import { companies, firms, persons } from '../db/schema';
import { demoCompanies, demoFirm, demoPeople } from '../seed/demo-data';

/** The demo clock of the tax tests: 2026-11-22, so 2026-Q3 is the latest ended quarter. */
export const FIRM_NOW = new Date('2026-11-22T04:00:00Z');
export const Q3 = '2026-Q3';

let seq = 0;
export const idem = (): { 'idempotency-key': string } => ({
  'idempotency-key': `firm-test-${Date.now()}-${++seq}`,
});

export const firmId = async (t: TestApp): Promise<string> => {
  const [row] = await t.ctx.db.select({ id: firms.id }).from(firms).where(eq(firms.uscc, demoFirm.uscc));
  if (!row) throw new Error('no demo firm');
  return row.id;
};

export const companyId = async (t: TestApp, key: string): Promise<string> => {
  const uscc = demoCompanies.find((c) => c.key === key)?.uscc ?? '';
  const [row] = await t.ctx.db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, uscc));
  if (!row) throw new Error(`no company ${key}`);
  return row.id;
};

export const personId = async (t: TestApp, key: string): Promise<string> => {
  const name = demoPeople.find((p) => p.key === key)?.name ?? '';
  const [row] = await t.ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.name, name));
  if (!row) throw new Error(`no person ${key}`);
  return row.id;
};

/** Signs in once per person and remembers the token. */
export const tokens = (t: TestApp) => {
  const cache = new Map<string, string>();
  return async (key: string): Promise<{ authorization: string }> => {
    let token = cache.get(key);
    if (!token) cache.set(key, (token = await t.signIn(key)));
    return t.auth(token);
  };
};
