import { eq } from 'drizzle-orm';
import { companies } from '../db/schema';
import { demoCompanies } from '../seed/demo-data';
import type { TestApp } from './harness';
import { seedDemoLicences } from '../seed/licences';

/** Route-test helpers for this module (not a test file). */

export const companyIdOf = async (t: TestApp, key: string): Promise<string> => {
  const demo = demoCompanies.find((c) => c.key === key);
  if (!demo) throw new Error(`no demo company ${key}`);
  const [row] = await t.ctx.db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.uscc, demo.uscc));
  if (!row) throw new Error(`demo company ${key} not seeded`);
  return row.id;
};

export const withDemoLicences = async (t: TestApp): Promise<void> => {
  await seedDemoLicences(t.ctx);
};

let counter = 0;
/** A fresh Idempotency-Key header. */
export const idem = (): { 'idempotency-key': string } => ({
  'idempotency-key': `test-key-${Date.now()}-${++counter}`,
});

/** The smallest valid PDF-looking file (the server checks the signature bytes, not the structure). */
export const tinyPdf = (): string =>
  Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString('base64');
export const tinyPng = (): string =>
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).toString(
    'base64',
  );
