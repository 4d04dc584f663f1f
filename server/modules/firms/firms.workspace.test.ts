import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { readSheet } from '../../xlsx/read';
import { writeSheet } from '../../xlsx/write';
import { createTestApp, type TestApp } from '../../test/harness';
import { delegations, firmClients, firmRequestResends } from '../../db/schema';
import { makeUscc, syntheticResidentId } from '../../../shared/identifiers/generate';
import { inAuthority, signUpAs } from '../../test/sign-up-support';
import { setFaceVerifierForTests } from '../face-checks/face-port';
import { FaceVerifierDouble } from '../../test/face-double';
import { demoCompanies } from '../../seed/demo-data';
import { firmRunner } from './firm-batches';
import { resendUnanswered } from './resend';
import { companyId, FIRM_NOW, firmId, idem, tokens } from '../../test/firms-support';

let t: TestApp;
let as: (key: string) => Promise<{ authorization: string }>;
let firm: string;
let clock = FIRM_NOW;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  as = tokens(t);
  firm = await firmId(t);
});
afterAll(async () => t.close());

const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { ...(await as(who)), ...(method === 'POST' ? idem() : {}) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const xlsx = async (rows: string[][]): Promise<string> =>
  writeSheet({ name: '客户', rows }).toString('base64');

describe('staff invites', () => {
  it('adds a person with an account at once, and keeps an invite for a phone not yet registered', async () => {
    const added = await call('huang', 'POST', `/api/v1/firms/${firm}/staff`, {
      phone: '13800000002',
      role: 'staff',
    });
    expect(added.json()).toMatchObject({ outcome: 'added' });
    const twice = await call('huang', 'POST', `/api/v1/firms/${firm}/staff`, {
      phone: '13800000002',
      role: 'staff',
    });
    expect(twice.json().error.code).toBe('ALREADY_MEMBER');
    expect((await call('li', 'GET', '/api/v1/firms')).json().firms).toHaveLength(1);

    const invited = await call('huang', 'POST', `/api/v1/firms/${firm}/staff`, {
      phone: '13900000099',
      role: 'staff',
    });
    expect(invited.json()).toMatchObject({
      outcome: 'invited',
      message: { zh: expect.stringContaining('139****0099') },
    });
    const newcomer = { name: '郑新', residentId: syntheticResidentId(424242), phone: '13900000099' };
    await inAuthority(t, newcomer, 'Z');
    setFaceVerifierForTests(t.ctx, new FaceVerifierDouble());
    const signUp = await signUpAs(t, newcomer, 'Z', 'Newbie@2026');
    expect(signUp.statusCode).toBe(201);
    const token = signUp.json().token as string;
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/firms', headers: t.auth(token) })).json();
    expect(mine.invites).toHaveLength(1);
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/v1/firm-invites/${mine.invites[0].id}/accept`,
      headers: { ...t.auth(token), ...idem() },
    });
    expect(accept.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/firms', headers: t.auth(token) })).json().firms[0]
        .role,
    ).toBe('staff');
  });
});

describe('client import and export', () => {
  it('checks every row, changes nothing on a dry run, then imports the valid rows into their group', async () => {
    const yunfan = demoCompanies.find((c) => c.key === 'yunfan-tech')!;
    const qiming = demoCompanies.find((c) => c.key === 'qiming-trade')!;
    const content = await xlsx([
      ['统一社会信用代码', '企业名称', '联系人', '分组'],
      [yunfan.uscc, yunfan.name, '陈会计', '顺德组'],
      [qiming.uscc, '深圳市启明商贸有限公司', '', ''],
      [yunfan.uscc.slice(0, 17) + (yunfan.uscc.endsWith('0') ? '1' : '0'), '错码公司', '', ''],
      [makeUscc({ division: '440106', orgBody: 'MA5XWX99' }), '未登记公司', '', ''],
      [qiming.uscc, qiming.name, '', '南沙组'],
      [yunfan.uscc, yunfan.name, '', ''],
    ]);
    const dry = (
      await call('huang', 'POST', `/api/v1/firms/${firm}/clients/import`, {
        fileName: '客户.xlsx',
        contentBase64: content,
        dryRun: true,
      })
    ).json();
    expect(dry.rows.map((r: { outcome: string; code: string | null }) => r.code ?? r.outcome)).toEqual([
      'add',
      'NAME_MISMATCH',
      'INVALID_USCC',
      'COMPANY_NOT_REGISTERED',
      'GROUP_NOT_FOUND',
      'DUPLICATE_ROW',
    ]);
    expect(dry.rows[1].message.zh).toContain('深圳市启明贸易有限公司');
    const yunfanId = await companyId(t, 'yunfan-tech');
    expect(await t.ctx.db.select().from(firmClients).where(eq(firmClients.companyId, yunfanId))).toHaveLength(
      0,
    );

    const real = (
      await call('huang', 'POST', `/api/v1/firms/${firm}/clients/import`, {
        fileName: '客户.xlsx',
        contentBase64: content,
        dryRun: false,
      })
    ).json();
    expect(real).toMatchObject({ added: 1, errors: 5 });
    const [client] = await t.ctx.db
      .select()
      .from(firmClients)
      .where(and(eq(firmClients.firmId, firm), eq(firmClients.companyId, yunfanId)));
    expect(client?.contact).toBe('陈会计');
    const roster = (await call('zhou', 'GET', `/api/v1/firms/${firm}/roster`)).json();
    expect(roster.rows.some((r: string[]) => r[0] === yunfanId)).toBe(true);
    expect(roster.rows.find((r: string[]) => r[0] === yunfanId)[5]).toBe('none');
  });

  it('refuses a file that is not a workbook, and one without the required columns', async () => {
    const notXlsx = await call('huang', 'POST', `/api/v1/firms/${firm}/clients/import`, {
      fileName: 'a.xlsx',
      contentBase64: Buffer.from('hello').toString('base64'),
      dryRun: true,
    });
    expect(notXlsx.json().error.code).toBe('IMPORT_FILE_UNREADABLE');
    const noColumns = await call('huang', 'POST', `/api/v1/firms/${firm}/clients/import`, {
      fileName: 'a.xlsx',
      contentBase64: await xlsx([['名称'], ['x']]),
      dryRun: true,
    });
    expect(noColumns.json().error).toMatchObject({
      code: 'IMPORT_COLUMNS_MISSING',
      message: expect.stringContaining('统一社会信用代码'),
    });
  });

  it('exports the roster and the ledger as workbooks', async () => {
    const res = await call('huang', 'GET', `/api/v1/firms/${firm}/roster.xlsx`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ws = readSheet(res.rawPayload);
    expect(ws.rows[0]?.cells[0]).toBe('统一社会信用代码');
    expect(ws.lastRow).toBe(4);
    const ledger = await call('huang', 'GET', `/api/v1/firms/${firm}/delegations.xlsx`);
    expect(ledger.statusCode).toBe(200);
  });

  it("names every download with its date, in the reader's language", async () => {
    const nameOf = async (url: string, lang: 'zh' | 'en') => {
      const res = await t.app.inject({
        method: 'GET',
        url,
        headers: { ...(await as('huang')), 'x-lang': lang },
      });
      expect(res.statusCode).toBe(200);
      const header = String(res.headers['content-disposition']);
      return decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '');
    };
    const roster = `/api/v1/firms/${firm}/roster.xlsx`;
    expect(await nameOf(roster, 'zh')).toMatch(/^客户名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(await nameOf(roster, 'en')).toMatch(/^client-roster-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ledger = `/api/v1/firms/${firm}/delegations.xlsx`;
    expect(await nameOf(ledger, 'en')).toMatch(/^delegation-ledger-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const template = `/api/v1/firms/${firm}/clients/import-template.xlsx`;
    expect(await nameOf(template, 'zh')).toBe('客户导入模板.xlsx');
    expect(await nameOf(template, 'en')).toBe('client-import-template.xlsx');
  });
});

describe('the delegation ledger', () => {
  it('asks the legal representative, re-sends automatically before the link lapses, and only so often', async () => {
    const yunfanId = await companyId(t, 'yunfan-tech');
    const asked = await call(
      'huang',
      'POST',
      `/api/v1/firms/${firm}/clients/${yunfanId}/delegation-requests`,
      { scopes: ['tax.file', 'tax.pay'], validity: { kind: 'months', months: 12 } },
    );
    expect(asked.statusCode).toBe(201);
    const ledger = (await call('huang', 'GET', `/api/v1/firms/${firm}/delegations`)).json();
    const row = ledger.rows.find((r: { companyId: string }) => r.companyId === yunfanId);
    expect(row).toMatchObject({
      status: 'pending',
      linkHoursLeft: 168,
      grantorName: '陈志明',
      autoResends: 0,
    });

    clock = new Date(FIRM_NOW.getTime() + 150 * HOUR);
    expect(await resendUnanswered(t.ctx, { beforeHours: 24, maxResends: 1 })).toBe(1);
    const [d] = await t.ctx.db.select().from(delegations).where(eq(delegations.id, row.delegationId));
    expect(d?.linkExpiresAt?.getTime()).toBe(clock.getTime() + 168 * HOUR);
    expect(await resendUnanswered(t.ctx, { beforeHours: 24, maxResends: 1 })).toBe(0);
    clock = new Date(clock.getTime() + 150 * HOUR);
    expect(await resendUnanswered(t.ctx, { beforeHours: 24, maxResends: 1 })).toBe(0);
    const [count] = await t.ctx.db
      .select()
      .from(firmRequestResends)
      .where(eq(firmRequestResends.delegationId, row.delegationId));
    expect(count?.count).toBe(1);
    clock = FIRM_NOW;
  });

  it('batch-requests renewals of every authorization ending within N days', async () => {
    const meijia = await companyId(t, 'meijia-home');
    await t.ctx.db
      .update(delegations)
      .set({ validUntil: new Date(FIRM_NOW.getTime() + 10 * 24 * HOUR) })
      .where(and(eq(delegations.companyId, meijia), eq(delegations.status, 'approved')));
    const none = await call('huang', 'POST', `/api/v1/firms/${firm}/delegations/renewals`, { withinDays: 5 });
    expect(none.json().error.code).toBe('NOTHING_TO_DO');
    const batch = await call('huang', 'POST', `/api/v1/firms/${firm}/delegations/renewals`, {
      withinDays: 30,
    });
    expect(batch.statusCode).toBe(201);
    await firmRunner(t.ctx).idle(batch.json().id);
    const ledger = (await call('huang', 'GET', `/api/v1/firms/${firm}/delegations`)).json();
    const rows = ledger.rows.filter((r: { companyId: string }) => r.companyId === meijia);
    expect(rows.find((r: { status: string }) => r.status === 'approved')).toMatchObject({
      daysLeft: 10,
      renewalPending: true,
    });
    expect(rows.find((r: { status: string }) => r.status === 'pending')).toBeTruthy();
    const again = await call('huang', 'POST', `/api/v1/firms/${firm}/delegations/renewals`, {
      withinDays: 30,
    });
    await firmRunner(t.ctx).idle(again.json().id);
    const detail = (await call('huang', 'GET', `/api/v1/firms/${firm}/batches/${again.json().id}`)).json();
    expect(detail.items[0]).toMatchObject({ status: 'skipped', error: { code: 'REQUEST_ALREADY_PENDING' } });
  });
});
