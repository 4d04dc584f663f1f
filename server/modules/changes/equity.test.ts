import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import {
  changeApplications,
  companies,
  companyFilings,
  companyRoles,
  equityNotices,
  inboxItems,
} from '../../db/schema';
import { storeFaceTemplate } from '../../seed/demo-faces';
import { caller, expectError } from '../../test/tax-support';
import { companyIdOf, personIdOf, useFaceDouble } from '../../test/delegation-support';
import { fakePerformance, type FaceVerifierDouble } from '../../test/face-double';
import { demoPeople } from '../../seed/demo-data';
import type { ChangeForm, ChangeView } from '../../../shared/api/changes';
import type { DisclosureRecord } from '../../../shared/api/annual-reports';
import type { ChallengeAction } from '../../../shared/api/face';
import { addDays } from '../../../shared/calendar/iso-date';

/**
 * Shareholders and equity transfers (lifecycle.md §1.1–2, §1.4, §1.9, §1.13), subscription terms
 * (§1.10), business term and beneficial owners (§1.2), reduction notice deadlines (§1.11).
 */

const clock = new Date('2026-11-22T04:00:00Z'); // 2026-11-22 noon in China
let t: TestApp;
let call: ReturnType<typeof caller>;
let double: FaceVerifierDouble;
let food: string;

const li = demoPeople.find((p) => p.key === 'li')!;
const wang = demoPeople.find((p) => p.key === 'wang')!;
const changes = `/api/v1/companies/:id/changes`;
const url = (rest = '') => changes.replace(':id', food) + rest;
const votes = [
  { shareholder: '陈志明', vote: 'for' as const },
  { shareholder: li.name, vote: 'for' as const },
];

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  double = await useFaceDouble(t);
  await storeFaceTemplate(t.ctx, await personIdOf(t, 'li'), double.templateFor('L'));
  call = caller(t);
  food = await companyIdOf(t, 'yunfan-food');
  // A register of two: 陈志明 60 %, 李晓红 40 % (half paid), the term far beyond 2032-06-30.
  const [c] = await t.ctx.db.select().from(companies).where(eq(companies.id, food));
  const capital = new Decimal(c!.registeredCapital);
  // Two shareholders: an ordinary LLC (the demo row is a one-person LLC).
  await t.ctx.db.update(companies).set({ type: 'llc' }).where(eq(companies.id, food));
  await t.ctx.db.insert(companyFilings).values({
    companyId: food,
    shareholders: [
      {
        name: '陈志明',
        personId: await personIdOf(t, 'chen'),
        subscribed: capital.times(0.6).toFixed(2),
        paid: '0.00',
        dueOn: '2040-12-31',
      },
      {
        name: li.name,
        personId: await personIdOf(t, 'li'),
        subscribed: capital.times(0.4).toFixed(2),
        paid: capital.times(0.2).toFixed(2),
        dueOn: '2040-12-31',
      },
    ],
    updatedAt: clock,
  });
});
afterAll(() => t.close());

const form = async () => (await call.get('chen', url('/form'))).json<ChangeForm>();
const confirm = async (who: string, confirmationId: string, face: string) => {
  const ch = await call.post(who, `/api/v1/changes/confirmations/${confirmationId}/face-challenge`, {});
  expect(ch.statusCode, ch.body).toBe(200);
  const { challengeId, actions } = ch.json<{ challengeId: string; actions: ChallengeAction[] }>();
  return call.post(who, `/api/v1/changes/confirmations/${confirmationId}/face`, {
    challengeId,
    frames: fakePerformance(face, actions),
  });
};
const openApps = async () =>
  (await t.ctx.db.select().from(changeApplications).where(eq(changeApplications.companyId, food))).filter(
    (a) => !['approved', 'rejected'].includes(a.status),
  );
const toWang = (amount: string) => ({
  resolutionDate: '2026-11-20',
  votes,
  transfers: [{ from: '陈志明', to: { name: wang.name, residentId: wang.residentId }, amount }],
});
const reject = async (id: string) =>
  expect(
    (await call.post('zhao', `/api/v1/changes/review/${id}/decision`, { decision: 'reject', note: '测试' }))
      .statusCode,
  ).toBe(200);

describe('the form shows the register and the SC784 §2 term flag', () => {
  it('lists subscriptions and flags a term beyond 2032-06-30 for a company registered before 2024-07', async () => {
    const f = await form();
    expect(f.facts.register.map((r) => r.name)).toEqual(['陈志明', li.name]);
    expect(f.shareholders.map((s) => s.share)).toEqual(['60.00', '40.00']);
    expect(f.facts.capitalTermFlag).toEqual({
      latestDue: '2040-12-31',
      limit: '2032-06-30',
      shortenBy: '2027-06-30',
    });
    const list = (await call.get('chen', url())).json<{ capitalTermFlag: unknown }>();
    expect(list.capitalTermFlag).toEqual(f.facts.capitalTermFlag);
  });
});

describe('equity transfers: refusals, nothing written', () => {
  it('more than the transferor holds', async () => {
    const f = await form();
    const res = await call.post('chen', url(), {
      ...toWang(new Decimal(f.facts.register[0]!.subscribed).plus(1).toFixed(2)),
    });
    expectError(res, 422, 'TRANSFER_EXCEEDS_HOLDING');
    expect(await openApps()).toEqual([]);
  });

  it('from someone who is not a shareholder', async () => {
    const res = await call.post('chen', url(), {
      resolutionDate: '2026-11-20',
      votes,
      transfers: [{ from: '张三', to: { name: li.name }, amount: '100' }],
    });
    expectError(res, 422, 'TRANSFEROR_NOT_SHAREHOLDER');
  });

  it('to oneself', async () => {
    const res = await call.post('chen', url(), {
      resolutionDate: '2026-11-20',
      votes,
      transfers: [{ from: li.name, to: { name: li.name }, amount: '100' }],
    });
    expectError(res, 422, 'TRANSFER_TO_SELF');
  });

  it('to an outsider without a resident ID, or one who fails real-name verification', async () => {
    const noId = await call.post('chen', url(), {
      resolutionDate: '2026-11-20',
      votes,
      transfers: [{ from: '陈志明', to: { name: wang.name }, amount: '100' }],
    });
    expectError(noId, 422, 'PERSON_NOT_VERIFIED');
    expect(noId.json<{ error: { field: string } }>().error.field).toBe('transfers.0.to.residentId');
    const wrong = await call.post('chen', url(), {
      resolutionDate: '2026-11-20',
      votes,
      transfers: [{ from: '陈志明', to: { name: '王建军', residentId: wang.residentId }, amount: '100' }],
    });
    expectError(wrong, 422, 'PERSON_NOT_VERIFIED');
    expect(await openApps()).toEqual([]);
  });

  it('a resolution below more than half (CL §66): 陈志明 alone holds 60 %, 李晓红 alone 40 %', async () => {
    const res = await call.post('chen', url(), {
      ...toWang('100'),
      votes: [
        { shareholder: '陈志明', vote: 'against' },
        { shareholder: li.name, vote: 'for' },
      ],
    });
    expectError(res, 422, 'RESOLUTION_BELOW_THRESHOLD');
  });

  it('a one-person LLC cannot end up with two shareholders', async () => {
    const res = await call.post('chen', url(), { ...toWang('100'), type: 'sole-llc' });
    expectError(res, 422, 'TYPE_NOT_ALLOWED');
  });

  it('a subscription term beyond 2032-06-30 (CL §47, SC784 §2)', async () => {
    const res = await call.post('chen', url(), {
      resolutionDate: '2026-11-20',
      votes,
      capitalDueOn: '2032-07-01',
    });
    expectError(res, 422, 'CAPITAL_TERM_TOO_LONG');
  });
});

describe('a transfer between shareholders is a filing, approved at once', () => {
  it('moves the amount (and the unpaid part, CL §88), no notice, 秒批 on the signature', async () => {
    const res = await call.post('chen', url(), {
      resolutionDate: '2026-11-20',
      votes,
      transfers: [{ from: li.name, to: { name: '陈志明' }, amount: '100000' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json<ChangeView>();
    expect(v.items).toEqual(['contributions']);
    expect(v.route).toBe('automatic');
    expect(v.status).toBe('awaiting-confirmations');
    expect(v.preemption).toBeNull();
    const done = (await confirm('chen', v.confirmations[0]!.id, 'A')).json<ChangeView>();
    expect(done.status).toBe('approved');
    const [filed] = await t.ctx.db.select().from(companyFilings).where(eq(companyFilings.companyId, food));
    const liRow = filed!.shareholders!.find((r) => r.name === li.name)!;
    // Half of 李晓红's subscription was paid: half of what she transfers is paid, half moves unpaid.
    const f = await form();
    expect(f.facts.register.find((r) => r.name === li.name)!.subscribed).toBe(liRow.subscribed);
    expect(new Decimal(liRow.paid).plus(50000).toFixed(2)).toBe(
      new Decimal(f.facts.register.find((r) => r.name === li.name)!.subscribed)
        .plus(100000)
        .div(2)
        .toFixed(2),
    );
  });
});

describe('a transfer to an outsider (CL §84): notice, 30 days, waiver or claim', () => {
  let v: ChangeView;

  it('notifies the other shareholders and waits; the transferee is a new shareholder who signs', async () => {
    const res = await call.post('chen', url(), toWang('100000'));
    expect(res.statusCode, res.body).toBe(201);
    v = res.json<ChangeView>();
    expect(v.status).toBe('pre-emption-notice');
    expect(v.items).toEqual(['shareholders']);
    expect(v.route).toBe('reviewer');
    expect(v.threshold).toBe('majority');
    expect(v.preemption).toMatchObject({
      windowEndsOn: '2026-12-22',
      notices: [{ name: li.name, answer: null }],
    });
    expect(v.confirmations.map((c) => c.role).sort()).toEqual(['legal-representative', 'new-shareholder']);
    expect(v.diff[0]!.after).toContain('第八十八条');
    const inbox = await t.ctx.db
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.personId, await personIdOf(t, 'li')), eq(inboxItems.refId, v.id)));
    expect(inbox.map((i) => i.kind)).toEqual(['change.equity-notice']);
  });

  it('nobody signs and the filer cannot go on before every shareholder waived or 30 days passed', async () => {
    const chenC = v.confirmations.find((c) => c.role === 'legal-representative')!;
    const early = await call.post('chen', `/api/v1/changes/confirmations/${chenC.id}/face-challenge`, {});
    expectError(early, 409, 'PREEMPTION_WINDOW_OPEN');
    expectError(await call.post('chen', url(`/${v.id}/apply`), {}), 409, 'PREEMPTION_WINDOW_OPEN');
  });

  it('someone else cannot answer the notice; the shareholder waives and the application goes on', async () => {
    const mine = (await call.get('li', '/api/v1/changes/equity-notices')).json<{
      items: (ChangeView & { noticeId: string })[];
    }>();
    const noticeId = mine.items[0]!.noticeId;
    expect(
      (await call.post('wang', `/api/v1/changes/equity-notices/${noticeId}`, { answer: 'claim' })).statusCode,
    ).toBe(404);
    expect(
      (await call.post('chen', `/api/v1/changes/equity-notices/${noticeId}`, { answer: 'claim' })).statusCode,
    ).toBe(404);
    const waived = await call.post('li', `/api/v1/changes/equity-notices/${noticeId}`, { answer: 'waive' });
    expect(waived.statusCode, waived.body).toBe(200);
    expect(waived.json<ChangeView>().status).toBe('awaiting-confirmations');
    expectError(
      await call.post('li', `/api/v1/changes/equity-notices/${noticeId}`, { answer: 'claim' }),
      409,
      'NOTICE_ALREADY_ANSWERED',
    );
  });

  it('both sign by face, the reviewer approves: the register, roles and disclosure follow', async () => {
    const chenC = v.confirmations.find((c) => c.role === 'legal-representative')!;
    const wangC = v.confirmations.find((c) => c.role === 'new-shareholder')!;
    expect((await confirm('chen', chenC.id, 'A')).json<ChangeView>().status).toBe('awaiting-confirmations');
    expect((await confirm('wang', wangC.id, 'B')).json<ChangeView>().status).toBe('submitted');
    const decided = await call.post('zhao', `/api/v1/changes/review/${v.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const f = await form();
    expect(f.facts.register.map((r) => r.name)).toEqual(['陈志明', li.name, wang.name]);
    expect(f.facts.register.find((r) => r.name === wang.name)!.subscribed).toBe('100000.00');
    const roles = await t.ctx.db
      .select()
      .from(companyRoles)
      .where(and(eq(companyRoles.companyId, food), eq(companyRoles.role, 'shareholder')));
    expect(roles.map((r) => r.personId)).toContain(await personIdOf(t, 'wang'));
    const [c] = await t.ctx.db.select().from(companies).where(eq(companies.id, food));
    const d = (await t.app.inject({ method: 'GET', url: `/api/v1/gs/${c!.uscc}` })).json<DisclosureRecord>();
    const s = d.sections.find((x) => x.kind === 'changes');
    if (s?.kind !== 'changes') throw new Error('no changes section');
    const shown = s.changes.flatMap((x) => x.items);
    expect(shown.find((i) => i.item === 'shareholders')!.after).toContain(wang.name);
  });

  it('the resolution PDF is generated for it', async () => {
    const pdf = await call.get('chen', url(`/${v.id}/resolution.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });
});

describe('pre-emption claimed, or deemed waived after 30 days', () => {
  it('a claim ends the application with the reason', async () => {
    const v = (
      await call.post('chen', url(), {
        ...toWang('1000'),
        transfers: [
          { from: '陈志明', to: { name: '林晓东', residentId: '440106199305184127' }, amount: '1000' },
        ],
      })
    ).json<ChangeView>();
    // 李晓红 and 王建国 (now a shareholder) are both told.
    expect(v.preemption!.notices.map((n) => n.name).sort()).toEqual([li.name, wang.name].sort());
    const notice = (await call.get('li', '/api/v1/changes/equity-notices'))
      .json<{
        items: { id: string; noticeId: string }[];
      }>()
      .items.find((i) => i.id === v.id)!;
    const claimed = await call.post('li', `/api/v1/changes/equity-notices/${notice.noticeId}`, {
      answer: 'claim',
    });
    expect(claimed.json<ChangeView>()).toMatchObject({ status: 'rejected' });
    expect(claimed.json<ChangeView>().decisionNote).toContain('优先购买权');
    expect(await openApps()).toEqual([]);
  });

  it('no answer within 30 days waives; a late answer is refused', async () => {
    const res = await call.post('chen', url(), {
      ...toWang('1000'),
      transfers: [{ from: '陈志明', to: { name: '何静', residentId: '440304199102272862' }, amount: '1000' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json<ChangeView>();
    const notice = (await call.get('li', '/api/v1/changes/equity-notices'))
      .json<{
        items: { id: string; noticeId: string }[];
      }>()
      .items.find((i) => i.id === v.id)!;
    // Time passes (sessions would expire if the clock moved 30 days): the notice is dated back.
    const backdate = (days: number) =>
      t.ctx.db
        .update(equityNotices)
        .set({ notifiedOn: addDays('2026-11-22', -days), windowEndsOn: addDays('2026-11-22', 30 - days) })
        .where(eq(equityNotices.applicationId, v.id));
    await backdate(30); // today is the 30th day: still open
    expectError(await call.post('chen', url(`/${v.id}/apply`), {}), 409, 'PREEMPTION_WINDOW_OPEN');
    await backdate(31);
    expectError(
      await call.post('li', `/api/v1/changes/equity-notices/${notice.noticeId}`, { answer: 'claim' }),
      410,
      'PREEMPTION_WINDOW_OVER',
    );
    const on = await call.post('chen', url(`/${v.id}/apply`), {});
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json<ChangeView>().status).toBe('awaiting-confirmations');
    const answers = await t.ctx.db.select().from(equityNotices).where(eq(equityNotices.applicationId, v.id));
    expect(answers.map((a) => a.answer)).toEqual(['deemed-waived', 'deemed-waived']);
    // Close it (the reviewer rejects after signatures are not needed for this test).
    await t.ctx.db
      .update(changeApplications)
      .set({ status: 'submitted' })
      .where(eq(changeApplications.id, v.id));
    await reject(v.id);
  });
});

describe('filings: subscription term, business term, beneficial owners', () => {
  it('shortening the term to 2032-06-30 is a 秒批 filing and clears the flag', async () => {
    const all = (await form()).shareholders.map((h) => ({ shareholder: h.name, vote: 'for' as const }));
    const ok = await call.post('chen', url(), {
      resolutionDate: '2026-11-20',
      votes: all,
      capitalDueOn: '2032-06-30',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const v = ok.json<ChangeView>();
    expect(v.items).toEqual(['contributions']);
    expect(v.route).toBe('automatic');
    expect((await confirm('chen', v.confirmations[0]!.id, 'A')).json<ChangeView>().status).toBe('approved');
    expect((await form()).facts.capitalTermFlag).toBeNull();
    expect((await call.get('chen', url())).json<{ capitalTermFlag: unknown }>().capitalTermFlag).toBeNull();
  });

  it('business term and beneficial owners are filed; beneficial owners stay off the disclosure page', async () => {
    const f = await form();
    const all = f.shareholders.map((s) => ({ shareholder: s.name, vote: 'for' as const }));
    const past = await call.post('chen', url(), {
      resolutionDate: '2026-11-20',
      votes: all,
      businessTerm: { endsOn: '2026-11-01' },
    });
    expectError(past, 422, 'BUSINESS_TERM_PAST');
    const chen = demoPeople.find((p) => p.key === 'chen')!;
    const res = await call.post('chen', url(), {
      resolutionDate: '2026-11-20',
      votes: all,
      businessTerm: { endsOn: null },
      beneficialOwners: [
        { name: chen.name, residentId: chen.residentId, basis: 'ownership', share: '59.99' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json<ChangeView>();
    expect(v.items).toEqual(['term', 'beneficial-owners']);
    expect(v.route).toBe('automatic');
    expect(v.diff[1]!.after).not.toContain(chen.residentId);
    expect((await confirm('chen', v.confirmations[0]!.id, 'A')).json<ChangeView>().status).toBe('approved');
    const after = await form();
    expect(after.facts.businessTerm).toEqual({ endsOn: null, filed: true });
    expect(after.facts.beneficialOwners.map((o) => o.name)).toEqual([chen.name]);
    const [c] = await t.ctx.db.select().from(companies).where(eq(companies.id, food));
    const d = (await t.app.inject({ method: 'GET', url: `/api/v1/gs/${c!.uscc}` })).json<DisclosureRecord>();
    const s = d.sections.find((x) => x.kind === 'changes');
    if (s?.kind !== 'changes') throw new Error('no changes section');
    expect(s.changes.flatMap((x) => x.items.map((i) => i.item))).not.toContain('beneficial-owners');
    expect(s.changes.flatMap((x) => x.items.map((i) => i.item))).toContain('term');
  });
});
