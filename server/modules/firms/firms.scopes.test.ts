import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, taxReturns } from '../../db/schema';
import { authorize } from '../../auth/authorize';
import { decodeRosterRow } from '../../../shared/firms/roster';
import { firmRunner } from './firm-batches';
import { companyId, FIRM_NOW, firmId, idem, personId, Q3, tokens } from '../../test/firms-support';

/*
 * The access matrix of the firm workspace: admin / staff in the client's group / staff outside it /
 * someone outside the firm, against the clients 佛山美家 (group 顺德组, staff 周伟) and 东莞松湖智造
 * (group 东莞组, no staff), for each kind of action.
 */

let t: TestApp;
let as: (key: string) => Promise<{ authorization: string }>;
let firm: string;
let meijia: string;
let zhizao: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => FIRM_NOW });
  as = tokens(t);
  firm = await firmId(t);
  meijia = await companyId(t, 'meijia-home');
  zhizao = await companyId(t, 'zhizao-tech');
});
afterAll(async () => t.close());

const get = async (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: await as(who) });
const post = async (who: string, url: string, payload: unknown = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...(await as(who)), ...idem() },
    payload: payload as object,
  });

type Cell = { who: string; client: 'meijia' | 'zhizao'; expect: string };

describe('authorization of firm staff through the firm’s delegation, narrowed by access groups', () => {
  const matrix: Cell[] = [
    { who: 'huang', client: 'meijia', expect: 'firm-staff' },
    { who: 'huang', client: 'zhizao', expect: 'firm-staff' },
    { who: 'zhou', client: 'meijia', expect: 'firm-staff' },
    { who: 'zhou', client: 'zhizao', expect: 'NOT_IN_ACCESS_GROUP' },
    { who: 'chen', client: 'meijia', expect: 'NOT_CONNECTED' },
  ];
  it.each(matrix)('$who × $client → $expect (tax.file)', async (c) => {
    const decision = await authorize(t.ctx.db, {
      personId: await personId(t, c.who),
      companyId: c.client === 'meijia' ? meijia : zhizao,
      scope: 'tax.file',
      now: FIRM_NOW,
    });
    if (decision.allowed) {
      expect(decision.actingAs).toBe(c.expect);
      expect(decision.firmId).toBe(firm);
    } else expect(decision.code).toBe(c.expect);
  });
});

describe('the workspace', () => {
  it('shows the admin every client and staff only their groups’ clients; outsiders learn nothing', async () => {
    const admin = (await get('huang', `/api/v1/firms/${firm}/roster`)).json();
    expect(admin.rows.map((r: never) => decodeRosterRow(r).companyId).sort()).toEqual(
      [meijia, zhizao].sort(),
    );
    const staff = (await get('zhou', `/api/v1/firms/${firm}/roster`)).json();
    expect(staff.rows.map((r: never) => decodeRosterRow(r).companyId)).toEqual([meijia]);
    const outsider = await get('chen', `/api/v1/firms/${firm}/roster`);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().error.code).toBe('FIRM_NOT_FOUND');
    const ledger = (await get('zhou', `/api/v1/firms/${firm}/delegations`)).json();
    expect(ledger.rows.every((r: { companyId: string }) => r.companyId === meijia)).toBe(true);
  });

  it.each([
    ['invite staff', `/staff`, { phone: '13800000002', role: 'staff' }],
    ['create a group', `/groups`, { name: '新组' }],
    ['add a client', `/clients`, { uscc: '91350100M000100Y43' }],
  ])('refuses staff who try to %s (admins only)', async (_what, path, body) => {
    const res = await post('zhou', `/api/v1/firms/${firm}${path}`, body);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FIRM_ADMIN_ONLY');
  });

  it('lets staff ask for authorization only for clients of their groups', async () => {
    const body = { scopes: ['tax.file'], validity: { kind: 'months', months: 12 } };
    const outside = await post('zhou', `/api/v1/firms/${firm}/clients/${zhizao}/delegation-requests`, body);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('NOT_IN_ACCESS_GROUP');
    const inside = await post('zhou', `/api/v1/firms/${firm}/clients/${meijia}/delegation-requests`, body);
    expect(inside.statusCode).toBe(201);
    expect(inside.json().linkPath).toMatch(/^\/a\/[\w-]{22}$/);
    const again = await post('zhou', `/api/v1/firms/${firm}/clients/${meijia}/delegation-requests`, body);
    expect(again.json().error.code).toBe('REQUEST_ALREADY_PENDING');
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'delegation.request'), eq(auditLog.companyId, meijia)));
    expect(audit?.actorPersonId).toBe(await personId(t, 'zhou'));
    expect(audit?.firmId).toBe(firm);
  });

  it('previews and files a batch for staff: their group’s client filed, the other refused with the reason', async () => {
    const preview = (
      await post('zhou', `/api/v1/firms/${firm}/batches/zero-filing/preview`, {
        periodKey: Q3,
        clients: { companyIds: [meijia, zhizao] },
      })
    ).json();
    const byId = new Map(preview.rows.map((r: { companyId: string }) => [r.companyId, r]));
    expect(byId.get(meijia)).toMatchObject({ eligible: true });
    expect(byId.get(zhizao)).toMatchObject({ eligible: false, code: 'NOT_IN_ACCESS_GROUP' });

    const told: { type: string; data: Record<string, unknown> }[] = [];
    const stop = t.ctx.bus.subscribe(await personId(t, 'liu'), (e) => told.push(e));
    const created = await post('zhou', `/api/v1/firms/${firm}/batches/zero-filing`, {
      periodKey: Q3,
      clients: { companyIds: [meijia, zhizao] },
    });
    expect(created.statusCode).toBe(201);
    await firmRunner(t.ctx).idle(created.json().id);
    stop();
    // The legal representative hears of the filing, as after a single zero filing.
    expect(told.filter((e) => e.type === 'tax.return.accepted')).toEqual([
      { type: 'tax.return.accepted', data: { companyId: meijia, returnId: expect.any(String) } },
    ]);
    const detail = (await get('zhou', `/api/v1/firms/${firm}/batches/${created.json().id}`)).json();
    const items = new Map(detail.items.map((i: { companyId: string }) => [i.companyId, i]));
    expect(items.get(meijia)).toMatchObject({
      status: 'done',
      companyName: '佛山市顺德区美家家居有限公司',
    });
    expect(items.get(zhizao)).toMatchObject({ status: 'skipped', error: { code: 'NOT_IN_ACCESS_GROUP' } });
    // Staff see a client outside their groups only masked: neither its name nor its USCC leaks.
    const outside = items.get(zhizao) as { companyName: string; uscc: string };
    expect(outside.companyName).not.toContain('松湖');
    expect(outside.companyName).toMatch(/\*{4}/);
    expect(outside.uscc).toMatch(/^\w{2}\*{14}\w{2}$/);
    // The admin, who may see every client, gets them plain.
    const adminView = (await get('huang', `/api/v1/firms/${firm}/batches/${created.json().id}`)).json();
    expect(adminView.items.find((i: { companyId: string }) => i.companyId === zhizao).companyName).toContain(
      '松湖',
    );
    expect(detail.status).toBe('done');

    const [filed] = await t.ctx.db
      .select()
      .from(taxReturns)
      .where(and(eq(taxReturns.companyId, meijia), eq(taxReturns.periodKey, Q3)));
    expect(filed).toMatchObject({
      status: 'accepted',
      zeroFiling: true,
      actingAs: 'firm-staff',
      firmId: firm,
      submittedByPersonId: await personId(t, 'zhou'),
    });
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, meijia), eq(auditLog.action, 'batch.zero-filing')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorPersonId: await personId(t, 'zhou'),
      firmId: firm,
      actingAs: 'firm-staff',
    });
    const none = await t.ctx.db.select().from(taxReturns).where(eq(taxReturns.companyId, zhizao));
    expect(none).toHaveLength(0);
  });

  it('follows group changes at once, and refuses people outside the firm as group staff', async () => {
    const team = (await get('huang', `/api/v1/firms/${firm}/team`)).json();
    const shunde = team.groups.find((g: { name: string }) => g.name === '顺德组');
    const stranger = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/firms/${firm}/groups/${shunde.id}/staff`,
      headers: await as('huang'),
      payload: { staffIds: [await personId(t, 'zhou'), await personId(t, 'chen')] },
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.code).toBe('STAFF_NOT_IN_FIRM');
    expect(stranger.json().error.message).toContain('陈志明');

    const moved = await post('huang', `/api/v1/firms/${firm}/groups/${shunde.id}/clients`, { add: [zhizao] });
    expect(moved.statusCode).toBe(200);
    const decision = await authorize(t.ctx.db, {
      personId: await personId(t, 'zhou'),
      companyId: zhizao,
      scope: 'tax.file',
      now: FIRM_NOW,
    });
    expect(decision.allowed).toBe(true);
    const staff = (await get('zhou', `/api/v1/firms/${firm}/roster`)).json();
    expect(staff.rows).toHaveLength(2);

    const foreign = await post('huang', `/api/v1/firms/${firm}/groups/${shunde.id}/clients`, {
      add: [await companyId(t, 'qiming-trade')],
    });
    expect(foreign.json().error.code).toBe('CLIENT_NOT_OF_FIRM');
  });
});
