import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../db/open';
import { buildApp } from '../app';
import { createContext } from '../create-context';
import type { AppContext } from '../context';
import { benchConfig } from '../../bench/support';
import { seedDemo } from '../seed/demo';
import { DEMO_PASSWORD, demoCompanies, demoPeople } from '../seed/demo-data';
import { openPostgres } from '../test/harness';
import { companies, delegations, persons } from '../db/schema';
import { AuthorityCache, authorityCacheOf } from './authority-cache';

/**
 * Two platform instances on one PostgreSQL database: a delegate's wallet read is cached on B; the
 * legal representative revokes the delegation on A; B refuses the delegate's very next read.
 */
const url = process.env.DATABASE_URL;

type Instance = { ctx: AppContext; app: FastifyInstance; handle: DatabaseHandle };

const startInstance = async (handle: DatabaseHandle, dataKey: Buffer): Promise<Instance> => {
  const ctx = createContext(handle, benchConfig({ dataKey }));
  const app = await buildApp(ctx, { logger: false, rateLimit: false });
  await app.ready();
  return { ctx, app, handle };
};

const signIn = async (i: Instance, key: string): Promise<string> => {
  const phone = demoPeople.find((p) => p.key === key)!.phone;
  const res = await i.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { login: phone, password: DEMO_PASSWORD },
  });
  return (res.json() as { token: string }).token;
};

describe.skipIf(!url)('authority cache across instances (PostgreSQL)', () => {
  let shared: DatabaseHandle;
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    shared = await openPostgres(url!);
    const dataKey = benchConfig().dataKey;
    a = await startInstance(shared, dataKey);
    b = await startInstance(await openDatabase({ kind: 'postgres', url: shared.url! }), dataKey);
    await seedDemo(a.ctx, { licences: false });
  });
  afterAll(async () => {
    await b?.app.close();
    await b?.handle.close();
    await a?.app.close();
    await shared?.close();
  });

  it('a revoke on one instance refuses the next read on the other at once', async () => {
    const db = a.ctx.db;
    const idOf = async (name: string): Promise<string> =>
      (await db.select({ id: persons.id }).from(persons).where(eq(persons.name, name)))[0]!.id;
    const chenId = await idOf(demoPeople.find((p) => p.key === 'chen')!.name);
    const liId = await idOf(demoPeople.find((p) => p.key === 'li')!.name);
    const companyName = demoCompanies.find((c) => c.key === 'yunfan-tech')!.name;
    const [company] = await db
      .select({ id: companies.id })
      .from(companies)
      .where(eq(companies.name, companyName));
    const [row] = await db
      .insert(delegations)
      .values({
        companyId: company!.id,
        grantorPersonId: chenId,
        granteePersonId: liId,
        requestedByPersonId: liId,
        scopes: ['company.view'],
        status: 'approved',
      })
      .returning({ id: delegations.id });
    const li = await signIn(b, 'li');
    const chen = await signIn(a, 'chen');
    const wallet = `/api/v1/companies/${company!.id}/licences`;
    const readOnB = () =>
      b.app.inject({ method: 'GET', url: wallet, headers: { authorization: `Bearer ${li}` } });
    expect((await readOnB()).statusCode).toBe(200);
    // Delegates are decided afresh on every read (a new grant must show at once), so nothing is cached for li.
    expect(
      authorityCacheOf(b.ctx).get(AuthorityCache.key(liId, company!.id, 'company.view')),
    ).toBeUndefined();
    expect((await readOnB()).statusCode).toBe(200);

    const revoked = await a.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${row!.id}/revoke`,
      headers: { authorization: `Bearer ${chen}`, 'idempotency-key': `revoke-${Date.now()}` },
      payload: {},
    });
    expect(revoked.statusCode).toBe(200);
    const next = await readOnB();
    expect([next.statusCode, (next.json() as { error?: { code: string } }).error?.code]).toEqual([
      403,
      'DELEGATION_REVOKED',
    ]);
  });
});
