import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import {
  auditLog,
  changeApplications,
  companies,
  companyRoles,
  delegationReviews,
  delegations,
  eventOutbox,
  inboxItems,
  licences,
} from '../../db/schema';
import { seedDemoLicences } from '../../seed/licences';
import { storeFaceTemplate } from '../../seed/demo-faces';
import { caller, expectError } from '../../test/tax-support';
import { companyIdOf, personIdOf, useFaceDouble } from '../../test/delegation-support';
import { fakePerformance, type FaceVerifierDouble } from '../../test/face-double';
import { demoPeople } from '../../seed/demo-data';
import type { ChangeView, ChangeForm } from '../../../shared/api/changes';
import type { DisclosureRecord } from '../../../shared/api/annual-reports';
import type { ChallengeAction } from '../../../shared/api/face';
import { sweepDelegationReviews } from '.';

let clock = new Date('2026-11-22T04:00:00Z'); // 2026-11-22 noon in China
let t: TestApp;
let call: ReturnType<typeof caller>;
let double: FaceVerifierDouble;
let tech: string;
let food: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  await seedDemoLicences(t.ctx);
  double = await useFaceDouble(t);
  await storeFaceTemplate(t.ctx, await personIdOf(t, 'li'), double.templateFor('L'));
  call = caller(t);
  tech = await companyIdOf(t, 'yunfan-tech');
  food = await companyIdOf(t, 'yunfan-food');
});
afterAll(() => t.close());

const changes = (companyId: string) => `/api/v1/companies/${companyId}/changes`;
const yes = [{ shareholder: '陈志明', vote: 'for' as const }];
const li = demoPeople.find((p) => p.key === 'li')!;

/** Every shareholder of the company votes for (from the form's voters). */
const allFor = async (who: string, companyId: string) => {
  const known = (await call.get(who, `${changes(companyId)}/form`)).json<ChangeForm>().shareholders;
  // No shareholders on record: the filer states them.
  return known.length > 0
    ? known.map((h) => ({ shareholder: h.name, vote: 'for' as const }))
    : [{ shareholder: '股东甲', vote: 'for' as const }];
};

/** The signer confirms by live face (challenge, then frames of `who` performing it). */
const confirm = async (who: string, confirmationId: string, face: string) => {
  const ch = await call.post(who, `/api/v1/changes/confirmations/${confirmationId}/face-challenge`, {});
  expect(ch.statusCode).toBe(200);
  const { challengeId, actions } = ch.json<{ challengeId: string; actions: ChallengeAction[] }>();
  return call.post(who, `/api/v1/changes/confirmations/${confirmationId}/face`, {
    challengeId,
    frames: fakePerformance(face, actions),
  });
};

const companyRow = async (id: string) =>
  (await t.ctx.db.select().from(companies).where(eq(companies.id, id)))[0]!;
const activeOf = (id: string, typeKey: string) =>
  t.ctx.db
    .select()
    .from(licences)
    .where(and(eq(licences.companyId, id), eq(licences.typeKey, typeKey), eq(licences.status, 'active')));
const disclosure = async (uscc: string): Promise<DisclosureRecord> =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/gs/${uscc}` })).json();

/** Nothing was written: no application, no audit row for it. */
const expectNothingChanged = async (companyId: string, name: string) => {
  expect((await companyRow(companyId)).name).toBe(name);
  const apps = await t.ctx.db
    .select()
    .from(changeApplications)
    .where(eq(changeApplications.companyId, companyId));
  expect(apps.filter((a) => a.status !== 'approved')).toEqual([]);
};

describe('the change form', () => {
  it('opens on the company’s current facts with the voters', async () => {
    const res = await call.get('chen', `${changes(tech)}/form`);
    expect(res.statusCode).toBe(200);
    const f = res.json<ChangeForm>();
    expect(f.facts).toMatchObject({
      name: '广州市云帆信息科技有限公司',
      divisionCode: '440106',
      street: '天河路 385 号太古汇一座 18 楼 1806 室',
      businessScope: ['I651301', 'I656001', 'I653101', 'I655001'],
      registeredCapital: '1000000.00',
      liaison: { name: li.name },
    });
    expect(f.shareholders).toEqual([{ name: '陈志明', votingRights: '1000000.00', share: '100.00' }]);
  });

  it('is refused to someone without the registration.change scope', async () => {
    expect((await call.get('li', `${changes(tech)}/form`)).statusCode).toBe(403);
  });
});

describe('bad input: clear codes, nothing changed', () => {
  it('a change that changes nothing', async () => {
    const res = await call.post('chen', changes(tech), {
      resolutionDate: '2026-11-20',
      votes: yes,
      domicile: { divisionCode: '440106', street: '天河路 385 号太古汇一座 18 楼 1806 室' },
      registeredCapital: '1000000',
    });
    expectError(res, 422, 'CHANGE_NOTHING');
    await expectNothingChanged(tech, '广州市云帆信息科技有限公司');
  });

  it('a resolution dated in the future', async () => {
    const res = await call.post('chen', changes(tech), {
      resolutionDate: '2026-11-23',
      votes: yes,
      registeredCapital: '2000000',
    });
    expectError(res, 422, 'RESOLUTION_DATE_IN_FUTURE');
  });

  it('a name that fails the name check, and one already taken', async () => {
    const bad = await call.post('chen', changes(tech), {
      resolutionDate: '2026-11-20',
      votes: yes,
      name: '广州市中国云帆信息科技有限公司',
    });
    expectError(bad, 422, 'NAME_INVALID');
    const taken = await call.post('chen', changes(tech), {
      resolutionDate: '2026-11-20',
      votes: yes,
      name: '广州市云帆餐饮管理有限公司',
    });
    expectError(taken, 409, 'NAME_TAKEN');
    await expectNothingChanged(tech, '广州市云帆信息科技有限公司');
  });

  it('a capital reduction to zero, and a loss-covering one that distributes', async () => {
    expectError(
      await call.post('chen', changes(tech), {
        resolutionDate: '2026-11-20',
        votes: yes,
        registeredCapital: '0',
      }),
      422,
      'CAPITAL_BELOW_MINIMUM',
    );
    expectError(
      await call.post('chen', changes(tech), {
        resolutionDate: '2026-11-20',
        votes: yes,
        registeredCapital: '500000',
        reduction: { coverLosses: true, distributes: true },
      }),
      422,
      'REDUCTION_DISTRIBUTES',
    );
  });

  it('a resolution below its vote threshold', async () => {
    const res = await call.post('chen', changes(tech), {
      resolutionDate: '2026-11-20',
      votes: [{ shareholder: '陈志明', vote: 'against' }],
      registeredCapital: '2000000',
    });
    expectError(res, 422, 'RESOLUTION_BELOW_THRESHOLD');
  });

  it('a licensed scope item without its licence', async () => {
    const res = await call.post('chen', changes(tech), {
      resolutionDate: '2026-11-20',
      votes: yes,
      businessScope: ['I651301', 'L726401'],
    });
    expectError(res, 422, 'SCOPE_LICENCE_MISSING');
  });

  it('a new legal representative who fails real-name verification or holds no office', async () => {
    expectError(
      await call.post('chen', changes(tech), {
        resolutionDate: '2026-11-20',
        votes: yes,
        legalRepresentative: { name: '李晓白', residentId: li.residentId, capacity: 'director' },
      }),
      422,
      'PERSON_NOT_VERIFIED',
    );
    expectError(
      await call.post('chen', changes(tech), {
        resolutionDate: '2026-11-20',
        votes: yes,
        legalRepresentative: { name: li.name, residentId: li.residentId, capacity: 'director' },
      }),
      422,
      'LEGAL_REP_NOT_OFFICER',
    );
    await expectNothingChanged(tech, '广州市云帆信息科技有限公司');
  });
});

describe('an address change within the same authority (秒批)', () => {
  let view: ChangeView;
  let oldLicenceId: string;

  it('is filed late with a warning, waits for the legal representative’s face', async () => {
    oldLicenceId = (await activeOf(tech, 'business-licence'))[0]!.id;
    const res = await call.post('chen', changes(tech), {
      resolutionDate: '2026-10-01',
      votes: yes,
      domicile: { divisionCode: '440106', street: '体育西路 100 号 9 楼' },
    });
    expect(res.statusCode).toBe(201);
    view = res.json<ChangeView>();
    expect(view).toMatchObject({
      status: 'awaiting-confirmations',
      items: ['address'],
      route: 'automatic',
      late: true,
      deadline: '2026-10-31',
      diff: [
        {
          item: 'address',
          before: '广东省广州市天河区天河路 385 号太古汇一座 18 楼 1806 室',
          after: '广东省广州市天河区体育西路 100 号 9 楼',
        },
      ],
    });
    expect(view.lateNote?.zh).toContain('罚款');
    expect(view.confirmations).toEqual([
      expect.objectContaining({ role: 'legal-representative', mine: true }),
    ]);
  });

  it('a second application while one is open is refused', async () => {
    expectError(
      await call.post('chen', changes(tech), {
        resolutionDate: '2026-11-20',
        votes: yes,
        registeredCapital: '2000000',
      }),
      409,
      'CHANGE_IN_PROGRESS',
    );
  });

  it('the resolution PDF is generated from the diff', async () => {
    const res = await call.get('chen', `${changes(tech)}/${view.id}/resolution.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a wrong face is refused and counted; nothing changes', async () => {
    const res = await confirm('chen', view.confirmations[0]!.id, 'Z');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect((await companyRow(tech)).address).toContain('太古汇');
  });

  it('the face confirmation approves it at once, in one transaction', async () => {
    const res = await confirm('chen', view.confirmations[0]!.id, 'A');
    expect(res.statusCode).toBe(200);
    const done = res.json<ChangeView>();
    expect(done.status).toBe('approved');
    const [old] = await t.ctx.db.select().from(licences).where(eq(licences.id, oldLicenceId));
    expect(done.licence?.version).toBe(old!.version + 1);
    const c = await companyRow(tech);
    expect(c.address).toBe('广东省广州市天河区体育西路 100 号 9 楼');
    expect(old?.status).toBe('superseded');
    const [fresh] = await activeOf(tech, 'business-licence');
    expect(fresh?.signed.document.fields['domicile']).toBe(c.address);
    // Seals carry no address: untouched.
    expect((await activeOf(tech, 'e-seal')).every((s) => s.version === 1)).toBe(true);
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'change.approve'));
    expect(audit).toHaveLength(1);
    const events = await t.ctx.db.select().from(eventOutbox).where(eq(eventOutbox.type, 'change.approved'));
    expect(events.length).toBeGreaterThan(0);
    const told = await t.ctx.db.select().from(inboxItems).where(eq(inboxItems.kind, 'change.approved'));
    expect(told.map((i) => i.personId)).toContain(await personIdOf(t, 'li'));
  });

  it('the old version still verifies, as superseded', async () => {
    const [old] = await t.ctx.db.select().from(licences).where(eq(licences.id, oldLicenceId));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/licences/verify',
      payload: { licence: old!.signed },
    });
    expect(res.statusCode).toBe(200);
    const answer = res.json<{ registry?: { status: string; latestVersion: number } }>();
    expect(answer.registry).toMatchObject({ status: 'superseded', latestVersion: old!.version + 1 });
  });

  it('appears on the disclosure page', async () => {
    const d = await disclosure((await companyRow(tech)).uscc);
    const s = d.sections.find((x) => x.kind === 'changes');
    if (s?.kind !== 'changes') throw new Error('no changes section');
    expect(s.changes[0]).toMatchObject({
      approvedOn: '2026-11-22',
      items: [expect.objectContaining({ item: 'address' })],
    });
  });
});

describe('a name change goes to a reviewer and re-issues the seals', () => {
  it('approval renames the company, issues a licence version and new seals, revokes the old', async () => {
    const oldSeals = await activeOf(tech, 'e-seal');
    const res = await call.post('chen', changes(tech), {
      resolutionDate: '2026-11-20',
      votes: yes,
      name: '广州市云帆智能科技有限公司',
    });
    expect(res.statusCode).toBe(201);
    const v = res.json<ChangeView>();
    expect(v.route).toBe('reviewer');
    const confirmed = await confirm('chen', v.confirmations[0]!.id, 'A');
    expect(confirmed.json<ChangeView>().status).toBe('submitted');
    const queue = await call.get('zhao', '/api/v1/changes/review');
    expect(queue.json<{ items: ChangeView[] }>().items.map((i) => i.id)).toContain(v.id);
    const decided = await call.post('zhao', `/api/v1/changes/review/${v.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.statusCode).toBe(200);
    expect((await companyRow(tech)).name).toBe('广州市云帆智能科技有限公司');
    const seals = await activeOf(tech, 'e-seal');
    expect(seals.length).toBe(oldSeals.length);
    expect(seals.some((s) => s.signed.document.fields['sealName'] === '广州市云帆智能科技有限公司')).toBe(
      true,
    );
    for (const s of oldSeals) {
      const [row] = await t.ctx.db.select().from(licences).where(eq(licences.id, s.id));
      expect(row?.status).toBe('revoked');
    }
  });
});

describe('a legal representative change', () => {
  let view: ChangeView;
  let delegationId: string;

  it('needs the new legal representative’s face, not the filer’s', async () => {
    const chen = await personIdOf(t, 'chen');
    const [d] = await t.ctx.db
      .insert(delegations)
      .values({
        companyId: food,
        grantorPersonId: chen,
        granteePersonId: await personIdOf(t, 'wang'),
        requestedByPersonId: await personIdOf(t, 'wang'),
        scopes: ['tax.file'],
        status: 'approved',
        validFrom: clock,
        validUntil: new Date(clock.getTime() + 90 * 86_400_000),
      })
      .returning();
    delegationId = d!.id;
    const res = await call.post('chen', changes(food), {
      resolutionDate: '2026-11-20',
      votes: await allFor('chen', food),
      officers: { directors: ['陈志明'], supervisors: [], manager: li.name },
      legalRepresentative: { name: li.name, residentId: li.residentId, capacity: 'manager' },
    });
    expect(res.statusCode, res.body).toBe(201);
    view = res.json<ChangeView>();
    expect(view.confirmations).toEqual([
      expect.objectContaining({ role: 'new-legal-representative', name: li.name, mine: false }),
    ]);
    const mine = await call.get('li', '/api/v1/changes/confirmations');
    expect(mine.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(view.id);
    // The outgoing legal representative cannot sign in the new one's place.
    expect(
      (
        await call.post(
          'chen',
          `/api/v1/changes/confirmations/${view.confirmations[0]!.id}/face-challenge`,
          {},
        )
      ).statusCode,
    ).toBe(404);
  });

  it('approval moves the legal representative, re-issues seals and puts delegations to the new one', async () => {
    const ok = await confirm('li', view.confirmations[0]!.id, 'L');
    expect(ok.json<ChangeView>().status).toBe('submitted');
    expect(
      (await call.post('zhao', `/api/v1/changes/review/${view.id}/decision`, { decision: 'approve' }))
        .statusCode,
    ).toBe(200);
    const c = await companyRow(food);
    expect(c.legalRepPersonId).toBe(await personIdOf(t, 'li'));
    const reps = await t.ctx.db
      .select()
      .from(companyRoles)
      .where(and(eq(companyRoles.companyId, food), eq(companyRoles.role, 'legal-representative')));
    expect(reps.map((r) => r.personId)).toEqual([await personIdOf(t, 'li')]);
    const [licence] = await activeOf(food, 'business-licence');
    expect(licence?.signed.document.fields['legalRepresentative']).toBe(li.name);
    const [review] = await t.ctx.db
      .select()
      .from(delegationReviews)
      .where(eq(delegationReviews.delegationId, delegationId));
    expect(review).toMatchObject({ decision: null, dueOn: '2026-12-22' });
  });

  it('the new legal representative sees the delegation; unconfirmed it ends after 30 days', async () => {
    const list = await call.get('li', `/api/v1/companies/${food}/delegation-reviews`);
    expect(list.json<{ items: { delegationId: string }[] }>().items.map((i) => i.delegationId)).toContain(
      delegationId,
    );
    clock = new Date('2026-12-16T04:00:00Z');
    expect(await sweepDelegationReviews(t.ctx)).toEqual({ noticed: 1, ended: 0 });
    clock = new Date('2026-12-22T04:00:00Z');
    expect(await sweepDelegationReviews(t.ctx)).toEqual({ noticed: 0, ended: 1 });
    const [d] = await t.ctx.db.select().from(delegations).where(eq(delegations.id, delegationId));
    expect(d?.status).toBe('revoked');
    clock = new Date('2026-11-22T04:00:00Z');
    call = caller(t);
  });
});

describe('an ordinary capital reduction', () => {
  it('needs creditors notified within 10 days and the announcement within 30 (CL §224)', async () => {
    const qiming = await companyIdOf(t, 'qiming-trade');
    const base = { votes: await allFor('wang', qiming), registeredCapital: '100000' };
    expectError(
      await call.post('wang', changes(qiming), { ...base, resolutionDate: '2026-11-20' }),
      422,
      'REDUCTION_CREDITORS_NOT_NOTIFIED',
    );
    expectError(
      await call.post('wang', changes(qiming), {
        ...base,
        resolutionDate: '2026-11-01',
        creditorsNotifiedOn: '2026-11-12',
      }),
      422,
      'REDUCTION_CREDITORS_NOTICE_LATE',
    );
    expectError(
      await call.post('wang', changes(qiming), {
        ...base,
        resolutionDate: '2026-10-20',
        creditorsNotifiedOn: '2026-10-25',
      }),
      422,
      'REDUCTION_ANNOUNCEMENT_LATE',
    );
    const apps = await t.ctx.db
      .select()
      .from(changeApplications)
      .where(eq(changeApplications.companyId, qiming));
    expect(apps).toEqual([]);
  });

  it('is announced, refused inside the 45-day claim window, then applied', async () => {
    const qiming = await companyIdOf(t, 'qiming-trade');
    const res = await call.post('wang', changes(qiming), {
      resolutionDate: '2026-11-20',
      votes: await allFor('wang', qiming),
      registeredCapital: '100000',
      creditorsNotifiedOn: '2026-11-21',
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json<ChangeView>();
    expect(v).toMatchObject({
      status: 'claim-window',
      reduction: {
        coverLosses: false,
        announcedOn: '2026-11-22',
        claimWindowEndsOn: '2027-01-06',
        notifyCreditorsBy: '2026-11-30',
        announceBy: '2026-12-20',
      },
    });
    const d = await disclosure((await companyRow(qiming)).uscc);
    const s = d.sections.find((x) => x.kind === 'capital-reduction-notices');
    if (s?.kind !== 'capital-reduction-notices') throw new Error('no notices');
    expect(s.notices[0]).toMatchObject({ announcedOn: '2026-11-22', claimWindowEndsOn: '2027-01-06' });
    expectError(
      await call.post('wang', `${changes(qiming)}/${v.id}/apply`, {}),
      409,
      'REDUCTION_CLAIM_WINDOW_OPEN',
    );
    clock = new Date('2027-01-07T04:00:00Z');
    call = caller(t);
    const applied = await call.post('wang', `${changes(qiming)}/${v.id}/apply`, {});
    expect(applied.statusCode).toBe(200);
    expect(applied.json<ChangeView>().status).toBe('awaiting-confirmations');
    clock = new Date('2026-11-22T04:00:00Z');
    call = caller(t);
  });
});

describe('filings and a general scope change (秒批)', () => {
  it('a filing of officers is approved on the face confirmation without a new licence version', async () => {
    const meijia = await companyIdOf(t, 'meijia-home');
    const before = (await activeOf(meijia, 'business-licence'))[0]!;
    const res = await call.post('liu', changes(meijia), {
      resolutionDate: '2026-11-20',
      votes: await allFor('liu', meijia),
      officers: { directors: ['刘芳'], supervisors: ['孙浩'], manager: '刘芳' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json<ChangeView>();
    expect(v).toMatchObject({ route: 'automatic', items: ['officers'] });
    const done = (await confirm('liu', v.confirmations[0]!.id, 'A')).json<ChangeView>();
    expect(done).toMatchObject({ status: 'approved', licence: null });
    expect((await activeOf(meijia, 'business-licence'))[0]!.id).toBe(before.id);
    const form = (await call.get('liu', `${changes(meijia)}/form`)).json<ChangeForm>();
    expect(form.facts.officers).toEqual({ directors: ['刘芳'], supervisors: ['孙浩'], manager: '刘芳' });
  });

  it('a general scope change is 秒批 and prints the new scope on the licence', async () => {
    const meijia = await companyIdOf(t, 'meijia-home');
    const res = await call.post('liu', changes(meijia), {
      resolutionDate: '2026-11-21',
      votes: await allFor('liu', meijia),
      businessScope: ['I651301', 'I656001'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json<ChangeView>();
    expect(v.route).toBe('automatic');
    const done = (await confirm('liu', v.confirmations[0]!.id, 'A')).json<ChangeView>();
    expect(done.status).toBe('approved');
    const [licence] = await activeOf(meijia, 'business-licence');
    expect(String(licence?.signed.document.fields['businessScope'])).toContain('软件开发');
  });
});
