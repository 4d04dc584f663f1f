import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { withDemoLicences } from '../../test/licences-support';
import { companyId, firmId, idem, personId, tokens } from '../../test/firms-support';
import {
  accessGroupClients,
  accessGroups,
  auditLog,
  batchItems,
  batches,
  delegations,
  inboxItems,
  todoReminders,
} from '../../db/schema';
import type { TodoList } from '../../../shared/todos/model';
import { sendDueReminders } from './reminders';

// The demo clock: 2026-11-22 12:00 in China.
const NOW = new Date('2026-11-22T04:00:00Z');
const DAY = 86_400_000;
let clock = NOW;

let t: TestApp;
let as: (key: string) => Promise<{ authorization: string }>;
let firm: string;
let tech: string;
let food: string;
let meijia: string;
let zhizao: string;

const list = async (who: string, url = '/api/v1/todos'): Promise<TodoList> => {
  const res = await t.app.inject({ method: 'GET', url, headers: await as(who) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TodoList;
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  as = tokens(t);
  await withDemoLicences(t);
  firm = await firmId(t);
  tech = await companyId(t, 'yunfan-tech');
  food = await companyId(t, 'yunfan-food');
  meijia = await companyId(t, 'meijia-home');
  zhizao = await companyId(t, 'zhizao-tech');
  const chen = await personId(t, 'chen');
  const li = await personId(t, 'li');
  // 李晓红 holds a delegation for 云帆信息 ending in 5 days, and waits for one for 云帆餐饮.
  await t.ctx.db.insert(delegations).values([
    {
      companyId: tech,
      grantorPersonId: chen,
      granteePersonId: li,
      requestedByPersonId: li,
      scopes: ['view', 'tax.file'],
      status: 'approved',
      validFrom: new Date(NOW.getTime() - 20 * DAY),
      validUntil: new Date(NOW.getTime() + 5 * DAY),
    },
    {
      companyId: food,
      grantorPersonId: chen,
      granteePersonId: li,
      requestedByPersonId: li,
      scopes: ['view'],
      status: 'pending',
      linkExpiresAt: new Date(NOW.getTime() + 3 * DAY),
    },
  ]);
  // A firm batch with a failed item (松湖智造, outside 周伟's group).
  const huang = await personId(t, 'huang');
  const [batch] = await t.ctx.db
    .insert(batches)
    .values({ kind: 'zero-filing', firmId: firm, ownerPersonId: huang, params: {}, total: 1, createdAt: NOW })
    .returning();
  await t.ctx.db
    .insert(batchItems)
    .values({ batchId: batch!.id, seq: 1, companyId: zhizao, status: 'failed' });
}, 180_000);
afterAll(async () => t.close());

describe('to-do sources (person)', () => {
  it('lists returns due and overdue, sorted by deadline, each with the page that resolves it', async () => {
    const l = await list('chen');
    const tax = l.items.filter((i) => i.kind.startsWith('tax.'));
    expect(tax.length).toBeGreaterThan(0);
    for (const i of tax) {
      expect([tech, food]).toContain(i.companyId);
      expect(i.action.path).toMatch(new RegExp(`^/companies/${i.companyId}`));
    }
    const dates = l.items.map((i) => i.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect(l.today).toBe('2026-11-22');
  });

  it('lists a lapsed licence as a scope change due 30 days after it lapsed (lifecycle §1.8)', async () => {
    const lapsed = (await list('chen')).items.find((i) => i.kind === 'licence.lapsed');
    // The demo tobacco retail licence of 云帆餐饮 expired 12 days ago: 18 days are left.
    expect(lapsed).toMatchObject({ companyId: food, daysLeft: 18, overdue: false });
    expect(lapsed?.action.path).toBe(`/companies/${food}/changes/new`);
  });

  it('lists a licence expiring within 60 days with its renewal page', async () => {
    const expiring = (await list('wang')).items.find((i) => i.kind === 'licence.expiring');
    expect(expiring?.daysLeft).toBe(20);
    expect(expiring?.action.path).toMatch(/\/licences\/[0-9a-f-]{36}$/);
  });

  it('lists delegations expiring to the grantee and the grantor', async () => {
    const li = (await list('li')).items.filter((i) => i.kind === 'delegation.expiring');
    expect(li).toHaveLength(1);
    expect(li[0]).toMatchObject({ companyId: tech, daysLeft: 5, action: { path: `/companies/${tech}` } });
    const chen = (await list('chen')).items.filter((i) => i.kind === 'delegation.expiring');
    expect(chen.map((i) => i.action.path)).toEqual(['/delegations']);
  });

  it('lists a request to decide for the legal representative and the same request as waiting for its sender', async () => {
    expect((await list('chen')).items.find((i) => i.kind === 'approval.decide')).toMatchObject({
      companyId: food,
      daysLeft: 3,
      action: { path: '/approvals' },
    });
    expect((await list('li')).items.find((i) => i.kind === 'approval.waiting')).toMatchObject({
      companyId: food,
    });
  });

  it('lists the annual report of the open year with its form', async () => {
    // On 2026-11-22 the 2026 report opens only on 1 January: nothing yet; the 2025 one was seeded filed.
    const l = await list('chen');
    for (const i of l.items.filter((x) => x.kind === 'annual-report.due'))
      expect(i.action.path).toBe(`/companies/${i.companyId}/annual-reports`);
    clock = new Date('2027-06-01T04:00:00Z');
    try {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/todos?kind=annual-report.due',
        headers: t.auth(await t.signIn('chen')),
      });
      const items = (res.json() as TodoList).items;
      expect(items.map((i) => `${i.key}|${i.dueDate}|${i.daysLeft}`).sort()).toEqual(
        [
          `annual-report:${tech}:2026|2027-06-30|29`,
          `annual-report:${food}:2026|2027-06-30|29`,
          // The demo seed filed nothing for 2025: that report is overdue and stays on the list.
          `annual-report:${tech}:2025|2026-06-30|-336`,
          `annual-report:${food}:2025|2026-06-30|-336`,
        ].sort(),
      );
    } finally {
      clock = NOW;
    }
  });

  it('filters by kind and limits for the home page', async () => {
    const all = await list('chen');
    const top = await list('chen', '/api/v1/todos?limit=2');
    expect(top.items).toEqual(all.items.slice(0, 2));
    expect(top.total).toBe(all.total);
    const onlyLicences = await list('chen', '/api/v1/todos?kind=licence.lapsed');
    expect(onlyLicences.items.every((i) => i.kind === 'licence.lapsed')).toBe(true);
    expect(onlyLicences.total).toBe(1);
  });
});

describe('to-do sources (firm)', () => {
  it('shows the admin every client and the failed batch', async () => {
    const l = await list('huang', `/api/v1/firms/${firm}/todos`);
    const companies = new Set(l.items.map((i) => i.companyId));
    expect(companies.has(meijia)).toBe(true);
    expect(companies.has(zhizao)).toBe(true);
    const batch = l.items.find((i) => i.kind === 'batch.attention');
    expect(batch?.action.path).toMatch(new RegExp(`^/firm/${firm}/batches/`));
  });

  it('shows staff only the clients of their access groups', async () => {
    const l = await list('zhou', `/api/v1/firms/${firm}/todos`);
    expect(l.items.length).toBeGreaterThan(0);
    const companies = new Set(l.items.map((i) => i.companyId));
    expect([...companies]).toEqual([meijia]);
    // The batch is the admin's, not his.
    expect(l.items.some((i) => i.kind === 'batch.attention')).toBe(false);
    // Take 佛山美家 out of his group: nothing of it remains.
    const [group] = await t.ctx.db.select().from(accessGroups).where(eq(accessGroups.firmId, firm));
    const removed = await t.ctx.db
      .delete(accessGroupClients)
      .where(and(eq(accessGroupClients.groupId, group!.id), eq(accessGroupClients.companyId, meijia)))
      .returning();
    expect((await list('zhou', `/api/v1/firms/${firm}/todos`)).items.filter((i) => i.companyId)).toEqual([]);
    await t.ctx.db.insert(accessGroupClients).values(removed);
  });

  it('refuses a person who is not a member of the firm', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/firms/${firm}/todos`,
      headers: await as('chen'),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('reminders', () => {
  it('sends each item once per lead time, however often and on however many instances the job runs', async () => {
    const li = await personId(t, 'li');
    const first = await Promise.all([sendDueReminders(t.ctx), sendDueReminders(t.ctx)]);
    expect(first[0] + first[1]).toBeGreaterThan(0);
    expect(await sendDueReminders(t.ctx)).toBe(0);
    const rows = await t.ctx.db.select().from(todoReminders).where(eq(todoReminders.personId, li));
    // The delegation ends in 5 days: the 7-day lead has come, once; the request's link ends in 3 days: the 3-day lead.
    const keys = rows.map((r) => `${r.itemKey.split(':')[0]}@${r.leadDays}`).sort();
    expect(keys).toContain('delegation.expiring@7');
    expect(keys).toContain('approval.waiting@3');
    expect(new Set(rows.map((r) => `${r.itemKey}|${r.leadDays}`)).size).toBe(rows.length);
    const inbox = await t.ctx.db
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.personId, li), eq(inboxItems.kind, 'todo.reminder')));
    expect(inbox).toHaveLength(rows.length);
    const events = (await t.ctx.db.execute(
      sql`select count(*)::int as n from event_outbox where person_id = ${li} and type = 'todo.reminder'`,
    )) as unknown as { rows: { n: number }[] };
    expect(events.rows[0]?.n).toBe(rows.length);
  });

  it('keeps reminders pending until a device showed them', async () => {
    const pending = await t.app.inject({
      method: 'GET',
      url: '/api/v1/todos/reminders/pending',
      headers: await as('li'),
    });
    const ids = (pending.json() as { reminders: { id: string }[] }).reminders.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    const ack = await t.app.inject({
      method: 'POST',
      url: '/api/v1/todos/reminders/ack',
      headers: await as('li'),
      payload: { ids },
    });
    expect(ack.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/todos/reminders/pending',
      headers: await as('li'),
    });
    expect((after.json() as { reminders: unknown[] }).reminders).toEqual([]);
  });

  it('uses the person’s own lead times', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/todos/settings',
      headers: await as('wang'),
      payload: { leadDays: [30, 1, 30] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ leadDays: [30, 1] });
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/todos/settings',
      headers: await as('wang'),
      payload: { leadDays: [90] },
    });
    expect(bad.statusCode).toBe(422);
    await sendDueReminders(t.ctx);
    const wang = await personId(t, 'wang');
    const rows = await t.ctx.db.select().from(todoReminders).where(eq(todoReminders.personId, wang));
    // The road transport permit expires in 20 days: the 30-day lead has come.
    expect(rows.find((r) => r.itemKey.startsWith('licence.expiring'))?.leadDays).toBe(30);
    expect(rows.every((r) => r.leadDays === 30 || r.leadDays === 1)).toBe(true);
  });
});

describe('calendar feed', () => {
  const feedPath = (url: string): string => new URL(url).pathname;

  it('needs its token: none, a wrong one or a revoked one is 404', async () => {
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/v1/todos/calendar/${'x'.repeat(43)}/todos.ics`,
    });
    expect(wrong.statusCode).toBe(404);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/todos/calendar/short/todos.ics' });
    expect(malformed.statusCode).toBe(422);
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/todos/calendar-token',
      headers: { ...(await as('chen')), ...idem() },
    });
    expect(made.statusCode, made.body).toBe(200);
    const { url } = made.json() as { url: string };
    expect((await t.app.inject({ method: 'GET', url: feedPath(url) })).statusCode).toBe(200);
    // A new link replaces the old one.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/todos/calendar-token',
      headers: { ...(await as('chen')), ...idem() },
    });
    expect((await t.app.inject({ method: 'GET', url: feedPath(url) })).statusCode).toBe(404);
    const second = (again.json() as { url: string }).url;
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/todos/calendar-token',
      headers: await as('chen'),
    });
    expect(revoked.json()).toMatchObject({ calendar: { active: false } });
    expect((await t.app.inject({ method: 'GET', url: feedPath(second) })).statusCode).toBe(404);
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'todo.calendar.rotated'));
    expect(audits.length).toBe(2);
  });

  it('is RFC 5545 text: CRLF, folded lines, escaped text, stable UIDs, dates as China dates', async () => {
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/todos/calendar-token',
      headers: { ...(await as('chen')), ...idem() },
    });
    const path = feedPath((made.json() as { url: string }).url);
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const body = res.body;
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = body.replace(/\r\n /g, '');
    const lapsed = (await list('chen')).items.find((i) => i.kind === 'licence.lapsed')!;
    expect(unfolded).toContain(`UID:${lapsed.key}@`);
    expect(unfolded).toContain(`DTSTART;VALUE=DATE:${lapsed.dueDate.replaceAll('-', '')}`);
    // The title has a comma in English only; in Chinese the company name and title are escaped as needed.
    expect(unfolded).toMatch(/SUMMARY:广州市云帆餐饮管理有限公司：/);
    expect(unfolded).not.toMatch(/[^\\][,;](?=[^\r\n]*\r\n)(?<=\nSUMMARY:[^\r\n]*)/);
    const again = await t.app.inject({ method: 'GET', url: path });
    const uids = (s: string) => s.replace(/\r\n /g, '').match(/^UID:.*$/gm);
    expect(uids(again.body)).toEqual(uids(body));
  });
});

describe('platform notices', () => {
  const notice = (audience: unknown) => ({
    title: { zh: '电子税务局系统维护', en: 'E-tax bureau maintenance' },
    body: { zh: '12月1日 0:00–6:00 暂停申报。', en: 'Filing pauses on 1 Dec, 0:00–6:00.' },
    validFrom: '2026-11-20',
    validUntil: '2026-12-01',
    audience,
  });

  it('only an operator (reviewer) publishes, and each publication is audited', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/review/notices',
      headers: { ...(await as('chen')), ...idem() },
      payload: notice({ kind: 'everyone' }),
    });
    expect(refused.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/review/notices',
      headers: { ...(await as('zhao')), ...idem() },
      payload: notice({ kind: 'companies', divisionPrefix: '4401', taxpayerType: null }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'notice.published'));
    expect(audit.map((a) => a.detail)).toContainEqual(expect.objectContaining({ noticeId: id }));
  });

  it('is shown to the people of the companies in its audience only, while in force', async () => {
    const titles = async (who: string) =>
      (
        (await t.app.inject({ method: 'GET', url: '/api/v1/notices', headers: await as(who) })).json() as {
          notices: { title: { zh: string } }[];
        }
      ).notices.map((n) => n.title.zh);
    // 广州 (4401): 陈志明 (云帆) and 李晓红 (a delegate of 云帆信息) see it; 王建国 (深圳) does not.
    expect(await titles('chen')).toEqual(['电子税务局系统维护']);
    expect(await titles('li')).toEqual(['电子税务局系统维护']);
    expect(await titles('wang')).toEqual([]);
  });

  it('refuses an empty window or audience, and a withdrawn notice disappears', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/review/notices',
      headers: { ...(await as('zhao')), ...idem() },
      payload: { ...notice({ kind: 'everyone' }), validUntil: '2026-11-01' },
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as { error: { field: string } }).error.field).toBe('validUntil');
    const emptyAudience = await t.app.inject({
      method: 'POST',
      url: '/api/v1/review/notices',
      headers: { ...(await as('zhao')), ...idem() },
      payload: notice({ kind: 'companies', divisionPrefix: null, taxpayerType: null }),
    });
    expect((emptyAudience.json() as { error: { code: string } }).error.code).toBe('NOTICE_AUDIENCE_EMPTY');
    const everyone = await t.app.inject({
      method: 'POST',
      url: '/api/v1/review/notices',
      headers: { ...(await as('zhao')), ...idem() },
      payload: notice({ kind: 'everyone' }),
    });
    const id = (everyone.json() as { id: string }).id;
    const wangSees = async () =>
      (
        (await t.app.inject({ method: 'GET', url: '/api/v1/notices', headers: await as('wang') })).json() as {
          notices: unknown[];
        }
      ).notices.length;
    expect(await wangSees()).toBe(1);
    const w = await t.app.inject({
      method: 'POST',
      url: `/api/v1/review/notices/${id}/withdraw`,
      headers: await as('zhao'),
    });
    expect(w.statusCode).toBe(200);
    expect(await wangSees()).toBe(0);
  });
});
