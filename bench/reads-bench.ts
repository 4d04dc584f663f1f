// Goal 1 of issue 13: authenticated reads a page opens with, against a bare Fastify route that
// returns the same rows from one hand-written query on the same database, in the same run.
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Section } from './report';
import type { DatabaseHandle } from '../server/db/open';

import { createContext } from '../server/create-context';
import { buildApp } from '../server/app';
import { seedDemo } from '../server/seed/demo';
import { openPostgres } from '../server/test/harness';
import { benchConfig, benchDatabase } from './support';
import type { AppContext } from '../server/context';

const quick = process.argv.includes('--quick');
// Each session on a shared machine passes its own range (BENCH_PORT_BASE).
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 52130);

const listen = async (app: FastifyInstance, port: number): Promise<string> => {
  await app.listen({ port, host: '127.0.0.1' });
  return `http://127.0.0.1:${port}`;
};

const rps = async (url: string, headers: Record<string, string> = {}): Promise<number> => {
  const r = await autocannon({ url, connections: 10, duration: quick ? 1 : 3, headers });
  if (r.non2xx > 0) throw new Error(`${url}: ${r.non2xx} answers were not 2xx`);
  return r.requests.average;
};

type Read = {
  name: string;
  path: string;
  /** Whose token: 陈志明 (legal representative) or 黄丽 (firm admin). */
  as: 'chen' | 'huang';
  bare: (ctx: AppContext) => Promise<unknown>;
};

const rowsOf = async (ctx: AppContext, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> =>
  ((await ctx.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

/** The reads, each with the one hand-written query a bare route would run for the same answer. */
const reads = (personId: string, companyId: string, firmId: string): Read[] => [
  {
    name: 'company list',
    path: '/api/v1/companies',
    as: 'chen',
    bare: async (ctx) => ({
      companies: await rowsOf(
        ctx,
        sql`select c.id, c.uscc, c.name, c.status, x.role from (
              select company_id, role from company_roles where person_id = ${personId}
              union all select id, 'legal-representative' from companies where legal_rep_person_id = ${personId}
              union all select company_id, 'delegate' from delegations
                where grantee_person_id = ${personId} and status = 'approved') x
            join companies c on c.id = x.company_id`,
      ),
    }),
  },
  {
    name: 'company home',
    path: `/api/v1/companies/${companyId}`,
    as: 'chen',
    bare: async (ctx) =>
      (
        await rowsOf(
          ctx,
          sql`select c.id, c.uscc, c.name, c.type, c.status, c.registered_capital::text, c.division_code,
                c.address, c.business_scope, c.established_on::text, c.registration_authority,
                c.taxpayer_type, c.vat_period, p.name as rep_name, p.resident_id_masked
              from companies c join persons p on p.id = c.legal_rep_person_id where c.id = ${companyId}`,
        )
      )[0],
  },
  {
    name: 'wallet',
    path: `/api/v1/companies/${companyId}/licences`,
    as: 'chen',
    bare: async (ctx) => ({
      licences: await rowsOf(ctx, sql`select * from licences where company_id = ${companyId}`),
    }),
  },
  {
    // The bare side reads the company's returns; the platform also works out the periods due.
    name: 'tax due',
    path: `/api/v1/companies/${companyId}/tax/due`,
    as: 'chen',
    bare: async (ctx) => ({
      returns: await rowsOf(
        ctx,
        sql`select id, tax, form, period_key, status, total_payable::text, due_date::text from tax_returns
            where company_id = ${companyId}`,
      ),
    }),
  },
  {
    name: 'roster page',
    path: `/api/v1/firms/${firmId}/roster`,
    as: 'huang',
    bare: async (ctx) => ({
      rows: await rowsOf(
        ctx,
        sql`select c.id, c.uscc, c.name, c.status, c.taxpayer_type, c.vat_period, d.status as delegation,
              d.valid_until::text from delegations d join companies c on c.id = d.company_id
            where d.grantee_firm_id = ${firmId}`,
      ),
    }),
  },
  {
    name: 'delegation ledger',
    path: `/api/v1/firms/${firmId}/delegations`,
    as: 'huang',
    bare: async (ctx) => ({
      rows: await rowsOf(
        ctx,
        sql`select d.id, d.status, d.scopes, d.valid_from::text, d.valid_until::text, c.name, c.uscc
            from delegations d join companies c on c.id = d.company_id where d.grantee_firm_id = ${firmId}`,
      ),
    }),
  },
];

const measure = async (label: string, handle: DatabaseHandle, port: number): Promise<[string, string][]> => {
  const ctx = createContext(handle, benchConfig());
  await seedDemo(ctx);
  const platform = await buildApp(ctx, { logger: false, rateLimit: false });
  const base = await listen(platform, port);
  const signIn = async (phone: string): Promise<{ token: string; me: { person: { id: string } } }> => {
    const res = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: phone, password: 'Demo@2026' }),
    });
    return (await res.json()) as { token: string; me: { person: { id: string } } };
  };
  const { token, me } = await signIn('13800000001');
  const tokens = { chen: token, huang: (await signIn('13800000004')).token };
  const [firm] = await rowsOf(
    ctx,
    sql`select m.firm_id from firm_members m join persons p on p.id = m.person_id where p.name = '黄丽'`,
  );
  const list = (await (
    await fetch(`${base}/api/v1/companies`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { companies: { id: string }[] };
  const companyId = list.companies[0]!.id;

  const bare = Fastify({ logger: false });
  const chosen = reads(me.person.id, companyId, String(firm?.firm_id));
  chosen.forEach((r, i) => bare.get(`/bare/${i}`, async () => r.bare(ctx)));
  const bareBase = await listen(bare, port + 1);
  const rows: [string, string][] = [];
  try {
    for (const [i, r] of chosen.entries()) {
      // Interleaved twice, best of each, so a burst of load from elsewhere hits both sides alike.
      let b = 0;
      let p = 0;
      for (let round = 0; round < 2; round++) {
        b = Math.max(b, await rps(`${bareBase}/bare/${i}`));
        p = Math.max(p, await rps(`${base}${r.path}`, { authorization: `Bearer ${tokens[r.as]}` }));
      }
      rows.push([
        `${label}: ${r.name}`,
        `${p.toFixed(0)} req/s vs bare ${b.toFixed(0)} req/s = ${(p / b).toFixed(2)}× (goal ≥ 0.8×)`,
      ]);
    }
  } finally {
    await bare.close();
    await platform.close();
  }
  return rows;
};

export const benchReads = async (): Promise<Section> => {
  const lite = await benchDatabase();
  const rows: [string, string][] = [];
  try {
    rows.push(...(await measure('PGlite', lite, PORT_BASE)));
  } finally {
    await lite.close();
  }
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let pg: DatabaseHandle | undefined;
  try {
    pg = await openPostgres(url);
  } catch {
    rows.push(['PostgreSQL', `not reachable at ${url}; skipped`]);
  }
  if (pg) {
    try {
      rows.push(...(await measure('PostgreSQL', pg, PORT_BASE + 2)));
    } finally {
      await pg.close();
    }
  }
  return {
    title: 'Authenticated reads vs a bare route (issue 13, goal 1)',
    method:
      'In-process platform (demo seed) and a bare Fastify route on the same database handle, each answering the same rows; the bare route runs one hand-written query with no authentication. autocannon, 10 connections, 3 s (1 s with --quick), interleaved twice, best of each. 陈志明’s token (legal representative of the company) for the company reads, 黄丽’s (firm admin) for the roster and the ledger. Bare queries select what the answer shows (tax due: the company’s returns; the platform also works out the periods due).',
    rows,
  };
};
