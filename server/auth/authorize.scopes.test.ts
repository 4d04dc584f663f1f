// The authorization matrix: actors × scopes × delegation states, decided by the one function
// (authorize) and enforced by the route pipeline for every scoped endpoint of the platform.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../test/harness';
import { delegations } from '../db/schema';
import { authorize } from './authorize';
import { defineRoute, registerRoute, type AnyRouteSpec } from '../http/route';
import { errorHandler } from '../http/errors';
import { allRoutes } from '../routes';
import { SCOPE_KEYS, scopeCatalogue, type ScopeKey } from '../../shared/delegation/scopes';
import { companyIdOf, personIdOf } from '../test/delegation-support';

const DAY = 86_400_000;
let t: TestApp;
let probe: FastifyInstance;
const ids: Record<string, string> = {};

type State =
  | 'legal-rep'
  | 'in-scope'
  | 'out-of-scope'
  | 'expired'
  | 'revoked'
  | 'pending'
  | 'other-company'
  | 'not-connected'
  | 'firm-in-group'
  | 'firm-outside-group';

/** Who acts, for which company, with li's one delegation to 云帆信息科技 (if any) in which state. */
const CASES: {
  state: State;
  actor: string;
  company: string;
  expect: (scope: ScopeKey) => string | 'allowed';
}[] = [
  { state: 'legal-rep', actor: 'chen', company: 'yunfan-tech', expect: () => 'allowed' },
  { state: 'in-scope', actor: 'li', company: 'yunfan-tech', expect: () => 'allowed' },
  {
    state: 'out-of-scope',
    actor: 'li',
    company: 'yunfan-tech',
    expect: (s) => (s === 'company.view' ? 'allowed' : 'SCOPE_NOT_GRANTED'),
  },
  { state: 'expired', actor: 'li', company: 'yunfan-tech', expect: () => 'DELEGATION_EXPIRED' },
  { state: 'revoked', actor: 'li', company: 'yunfan-tech', expect: () => 'DELEGATION_REVOKED' },
  { state: 'pending', actor: 'li', company: 'yunfan-tech', expect: () => 'DELEGATION_PENDING' },
  // li's delegation is for 云帆信息科技; 启明贸易 she is only connected to.
  { state: 'other-company', actor: 'li', company: 'qiming-trade', expect: () => 'NO_DELEGATION' },
  { state: 'not-connected', actor: 'sun', company: 'yunfan-tech', expect: () => 'NOT_CONNECTED' },
  // The firm holds company.view, tax.file, tax.pay, invoice.manage, licence.use for its clients.
  {
    state: 'firm-in-group',
    actor: 'zhou',
    company: 'meijia-home',
    expect: (s) => (FIRM_SCOPES.includes(s) ? 'allowed' : 'SCOPE_NOT_GRANTED'),
  },
  {
    state: 'firm-outside-group',
    actor: 'zhou',
    company: 'zhizao-tech',
    expect: (s) => (FIRM_SCOPES.includes(s) ? 'NOT_IN_ACCESS_GROUP' : 'SCOPE_NOT_GRANTED'),
  },
];
const FIRM_SCOPES: ScopeKey[] = ['company.view', 'tax.file', 'tax.pay', 'invoice.manage', 'licence.use'];

/** A scope that does not cover `s` (for company.view there is none: every scope implies it). */
const otherScope = (s: ScopeKey): ScopeKey => (s === 'tax.pay' ? 'tax.file' : 'tax.pay');

/** Puts li's single delegation for 云帆信息科技 into the state the case needs. */
const arrange = async (state: State, scope: ScopeKey): Promise<void> => {
  await t.ctx.db
    .delete(delegations)
    .where(and(eq(delegations.granteePersonId, ids.li!), eq(delegations.companyId, ids['yunfan-tech']!)));
  const now = Date.now();
  const base = {
    companyId: ids['yunfan-tech']!,
    grantorPersonId: ids.chen!,
    granteePersonId: ids.li!,
    requestedByPersonId: ids.li!,
    scopes: [scope] as string[],
    durationMonths: 3,
    status: 'approved' as const,
    validFrom: new Date(now - 10 * DAY),
    validUntil: new Date(now + 80 * DAY),
    decidedAt: new Date(now - 10 * DAY),
  };
  const row =
    state === 'out-of-scope'
      ? { ...base, scopes: [otherScope(scope)] }
      : state === 'expired'
        ? { ...base, validUntil: new Date(now - DAY) }
        : state === 'revoked'
          ? { ...base, status: 'revoked' as const, revokedAt: new Date(now - DAY) }
          : state === 'pending'
            ? { ...base, status: 'pending' as const, validFrom: null, validUntil: null, decidedAt: null }
            : base;
  await t.ctx.db.insert(delegations).values(row);
};

const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const p of ['chen', 'li', 'sun', 'zhou']) {
    ids[p] = await personIdOf(t, p);
    tokens[p] = await t.signIn(p);
  }
  for (const c of ['yunfan-tech', 'qiming-trade', 'meijia-home', 'zhizao-tech'])
    ids[c] = await companyIdOf(t, c);
  // One probe route per scope, through the real route pipeline (registerRoute).
  probe = Fastify({ logger: false });
  probe.setErrorHandler(errorHandler);
  for (const scope of SCOPE_KEYS)
    registerRoute(
      probe,
      t.ctx,
      defineRoute({
        method: 'POST',
        url: `/probe/:companyId/${scope}`,
        summary: 'probe',
        tags: [],
        access: { kind: 'company', scope },
        params: z.strictObject({ companyId: z.uuid() }),
        response: z.object({ actingAs: z.string() }),
        handler: async ({ authority }) => ({ actingAs: authority.actingAs }),
      }),
    );
  await probe.ready();
});
afterAll(async () => {
  await probe.close();
  await t.close();
});

describe('authorize(): actors × scopes × states', () => {
  for (const scope of SCOPE_KEYS)
    for (const c of CASES)
      it(`${scope} — ${c.state} → ${c.expect(scope)}`, async () => {
        await arrange(c.state, scope);
        const decision = await authorize(t.ctx.db, {
          personId: ids[c.actor]!,
          companyId: ids[c.company]!,
          scope,
        });
        const expected = c.expect(scope);
        if (expected === 'allowed') expect(decision).toMatchObject({ allowed: true });
        else expect(decision).toMatchObject({ allowed: false, status: 403, code: expected });
        if (!decision.allowed) expect(decision.text.zh.length && decision.text.en.length).toBeGreaterThan(0);
      });

  it('every scope in the catalogue is exercised', () => {
    expect(scopeCatalogue.map((s) => s.key).sort()).toEqual([...SCOPE_KEYS].sort());
  });
});

describe('the route pipeline enforces the decision (probe route per scope)', () => {
  for (const scope of SCOPE_KEYS)
    it(`${scope}: refused actors get 403 with the code, allowed ones reach the handler`, async () => {
      for (const c of CASES) {
        await arrange(c.state, scope);
        const res = await probe.inject({
          method: 'POST',
          url: `/probe/${ids[c.company]}/${scope}`,
          headers: t.auth(tokens[c.actor]!),
        });
        const expected = c.expect(scope);
        if (expected === 'allowed') expect(res.statusCode, `${c.state}`).toBe(200);
        else {
          expect(res.statusCode, `${c.state}`).toBe(403);
          expect(res.json().error.code, `${c.state}`).toBe(expected);
        }
      }
    });
});

const CANDIDATES = [
  '00000000-0000-4000-8000-000000000000',
  '2026Q1',
  '2026-03',
  '2026-01-31',
  '2026',
  '1',
  'x',
  'A1',
  'true',
];

/**
 * Values the route's own schema accepts for each field (path params, query), so that only the
 * authorization can refuse the request. Fields are filled one by one from a few candidates.
 */
const fill = (
  schema: z.ZodType<unknown> | undefined,
  names: string[],
  fixed: Record<string, string>,
): Record<string, string> => {
  const values: Record<string, string> = { ...fixed };
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  for (const n of names.length > 0 ? names : Object.keys(shape ?? {})) {
    if (n in values) continue;
    const fieldOk = (v: string): boolean => {
      const r = schema?.safeParse({ ...values, [n]: v });
      return !r || r.success || !r.error.issues.some((i) => i.path[0] === n);
    };
    values[n] = CANDIDATES.find(fieldOk) ?? CANDIDATES[0]!;
  }
  return values;
};

const urlFor = (spec: AnyRouteSpec, companyId: string): string => {
  const names = [...spec.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params = fill(spec.params, names, { companyId });
  const path = names.reduce((u, n) => u.replace(`:${n}`, encodeURIComponent(params[n]!)), spec.url);
  const query = spec.query ? new URLSearchParams(fill(spec.query, [], {})).toString() : '';
  return query ? `${path}?${query}` : path;
};

const inputValid = (spec: AnyRouteSpec, body: unknown): boolean => {
  const names = [...spec.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const paramsOk =
    !spec.params || spec.params.safeParse(fill(spec.params, names, { companyId: CANDIDATES[0]! })).success;
  const queryOk = !spec.query || spec.query.safeParse(fill(spec.query, [], {})).success;
  const bodyOk = !spec.body || spec.body.safeParse(body).success;
  return paramsOk && queryOk && bodyOk;
};

const scoped = allRoutes.filter(
  (r): r is AnyRouteSpec & { access: { kind: 'company'; scope: ScopeKey } } =>
    r.access.kind === 'company' && r.access.scope !== 'view',
);

describe('every scoped endpoint of the platform', () => {
  it('has at least one scoped endpoint to check', () => {
    expect(scoped.length).toBeGreaterThan(0);
  });

  for (const spec of scoped)
    it(`${spec.method} ${spec.url} (${spec.access.scope})`, async () => {
      const scope = spec.access.scope;
      // Input the route accepts whoever asks, so that only authorization can refuse it.
      const body = spec.body
        ? ([{}, { items: [] }].find((b) => spec.body!.safeParse(b).success) ?? {})
        : undefined;
      // Where no generic input passes the route's schemas, the pipeline refuses it before authorizing.
      const validatesFirst = !inputValid(spec, body);
      for (const c of CASES) {
        await arrange(c.state, scope);
        const res = await t.app.inject({
          method: spec.method,
          url: urlFor(spec, ids[c.company]!),
          headers: {
            ...t.auth(tokens[c.actor]!),
            'idempotency-key': `matrix-${c.state}-${Math.random().toString(36).slice(2)}`,
          },
          ...(spec.method === 'GET' ? {} : { payload: body ?? {} }),
        });
        const expected = c.expect(scope);
        if (expected === 'allowed') {
          expect(res.statusCode, `${c.state}: ${res.body}`).not.toBe(403);
          expect(res.statusCode, `${c.state}`).not.toBe(401);
        } else if (validatesFirst && res.statusCode === 422) {
          // The pipeline validated the input before authorizing: at least it did not act.
          expect(res.json().error.code).toBe('INVALID_REQUEST');
        } else {
          expect(res.statusCode, `${c.state}: ${res.body}`).toBe(403);
          expect(res.json().error.code, `${c.state}`).toBe(expected);
        }
      }
    });
});
