import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, companyRoles, inboxItems, persons } from '../../db/schema';
import { findPersonByResidentId } from '../identity/persons';
import { syntheticResidentId } from '../../../shared/identifiers/generate';
import type { ApplicationView } from '../../../shared/api/registration';
import type { Application } from '../../../shared/registration/application';
import { demoPeople } from '../../seed/demo-data';
import { useFaceDouble } from '../../test/delegation-support';
import { fakeFrameBase64, fakePerformance } from '../../test/face-double';
import {
  call,
  confirmMine,
  createDraft,
  requestConfirm,
  saveWhole,
  soleFounderApplication,
  submit,
  type Api,
} from '../../test/registration-support';

let t: TestApp;
let chen: Api;
let zhao: Api;
const newcomerId = syntheticResidentId(7001, { division: '440106', birthDate: '19920615', gender: 'female' });

/** Chen founds the company; a person unknown to the platform is finance officer. */
const withNewcomer = (name: string): Application => {
  const app = soleFounderApplication('chen', name);
  app.officers.people.push({ ref: 'p2', name: '苏雨晴', residentId: newcomerId, phone: '13900009999' });
  app.officers.financeOfficer = 'p2';
  return app;
};

beforeAll(async () => {
  t = await createTestApp();
  chen = { app: t.app, headers: t.auth(await t.signIn('chen')) };
  zhao = { app: t.app, headers: t.auth(await t.signIn('zhao')) };
  await useFaceDouble(t);
});
afterAll(async () => t.close());

const confirmAll = async (view: ApplicationView): Promise<void> => {
  for (const c of view.confirmations) {
    if (c.isMe) expect((await confirmMine(chen, c)).statusCode).toBe(200);
    else {
      const token = c.linkPath!.split('/').pop()!;
      const open = { app: t.app, headers: {} };
      const res = await call(open, 'POST', `/api/v1/registration/confirm-links/${token}/confirm`, {
        code: c.code,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('confirmed');
    }
  }
};

describe('manual review', () => {
  let id: string;

  it('a person without an account confirms through a link and a one-time code', async () => {
    const draft = await createDraft(chen);
    await saveWhole(chen, draft, withNewcomer('广州市青岚信息科技有限公司'));
    const view = await requestConfirm(chen, draft.id);
    id = view.id;
    const newcomer = view.confirmations.find((c) => c.name === '苏雨晴')!;
    expect(newcomer.method).toBe('code');
    expect(newcomer.code).toMatch(/^\d{6}$/);
    expect(newcomer.roles).toEqual(['finance-officer']);
    const token = newcomer.linkPath!.split('/').pop()!;
    const open = { app: t.app, headers: {} };
    const page = (await call(open, 'GET', `/api/v1/registration/confirm-links/${token}`)).json();
    expect(page.companyName).toBe('广州市青岚信息科技有限公司');
    expect(page.articles.sections.length).toBeGreaterThan(5);
    const wrongCode = newcomer.code === '000000' ? '111111' : '000000';
    const wrong = await call(open, 'POST', `/api/v1/registration/confirm-links/${token}/confirm`, {
      code: wrongCode,
    });
    expect(wrong.json().error.code).toBe('CODE_INCORRECT');
    expect(wrong.json().error.message).toContain('4');
    await confirmAll(view);
    const after = (await call(chen, 'GET', `/api/v1/registration/applications/${id}`)).json();
    expect(after.confirmations.every((c: { status: string }) => c.status === 'confirmed')).toBe(true);
    expect(after.confirmations.find((c: { name: string }) => c.name === '苏雨晴').code).toBeNull();
  });

  it('an unverified identity sends the submission to a reviewer with the reason', async () => {
    const res = await submit(chen, id);
    expect(res.statusCode).toBe(200);
    const view: ApplicationView = res.json();
    expect(view.status).toBe('in-review');
    expect(view.reviewReasons.map((r) => r.code)).toEqual(['IDENTITY_UNVERIFIED']);
    const inbox = await t.ctx.db.select().from(inboxItems).where(eq(inboxItems.kind, 'registration.review'));
    expect(inbox).toHaveLength(1);
  });

  it('only reviewers see the queue', async () => {
    expect((await call(chen, 'GET', '/api/v1/registration/review')).json().error.code).toBe('REVIEWER_ONLY');
    const queue = (await call(zhao, 'GET', '/api/v1/registration/review')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const detail = (await call(zhao, 'GET', `/api/v1/registration/review/${id}`)).json();
    expect(detail.identities.map((i: { verdict: string }) => i.verdict).sort()).toEqual([
      'unknown',
      'verified',
    ]);
    expect(detail.confirmations.every((c: { code: string | null }) => c.code === null)).toBe(true);
  });

  it('the reviewer returns it with a comment; the filer fixes, everyone confirms again, resubmits', async () => {
    const back = await call(
      zhao,
      'POST',
      `/api/v1/registration/review/${id}/return`,
      { comment: '请补充财务负责人的联系电话核实' },
      crypto.randomUUID(),
    );
    expect(back.statusCode).toBe(200);
    const mine: ApplicationView = (await call(chen, 'GET', `/api/v1/registration/applications/${id}`)).json();
    expect(mine.status).toBe('returned');
    expect(mine.returnComment).toBe('请补充财务负责人的联系电话核实');
    const fixed = withNewcomer('广州市青岚信息科技有限公司');
    fixed.officers.people[1]!.phone = '13700002468';
    const saved = await call(chen, 'PUT', `/api/v1/registration/applications/${id}/draft`, {
      step: 'officers',
      revision: mine.revision,
      draft: fixed,
    });
    expect(saved.json().status).toBe('draft');
    await confirmAll(await requestConfirm(chen, id));
    expect((await submit(chen, id)).json().status).toBe('in-review');
  });

  it('the reviewer approves: the new person joins the real-name register with their role', async () => {
    const res = await call(
      zhao,
      'POST',
      `/api/v1/registration/review/${id}/approve`,
      {},
      crypto.randomUUID(),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('approved');
    const person = await findPersonByResidentId(t.ctx.db, t.ctx.cipher, newcomerId);
    expect(person?.name).toBe('苏雨晴');
    const roles = await t.ctx.db.select().from(companyRoles).where(eq(companyRoles.personId, person!.id));
    expect(roles.map((r) => r.role)).toEqual(['finance-officer']);
    const kinds = res.json().timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['manual-review', 'returned', 'reviewer-approved', 'approved']),
    );
    expect(kinds.indexOf('submitted')).toBeLessThan(kinds.indexOf('manual-review'));
    expect(kinds.indexOf('reviewer-approved')).toBeLessThan(kinds.indexOf('uscc-assigned'));
    const twice = await call(
      zhao,
      'POST',
      `/api/v1/registration/review/${id}/approve`,
      {},
      crypto.randomUUID(),
    );
    expect(twice.json().error.code).toBe('NOT_IN_REVIEW');
  });

  it('a blocked person and a name that does not match the domicile are reasons too', async () => {
    const wang = demoPeople.find((p) => p.key === 'wang')!;
    const found = await findPersonByResidentId(t.ctx.db, t.ctx.cipher, wang.residentId);
    await t.ctx.db.update(persons).set({ blocked: true }).where(eq(persons.id, found!.id));
    const app = soleFounderApplication('chen', '广州市越秀区青松信息科技有限公司');
    app.officers.people.push({ ref: 'p2', name: wang.name, residentId: wang.residentId, phone: wang.phone });
    app.officers.supervision = { kind: 'supervisor', supervisor: 'p2' };
    const draft = await createDraft(chen);
    await saveWhole(chen, draft, app);
    const view = await requestConfirm(chen, draft.id);
    const wangToken = t.auth(await t.signIn('wang'));
    for (const c of view.confirmations) {
      const api = c.isMe ? chen : { app: t.app, headers: wangToken };
      expect((await confirmMine(api, c)).statusCode).toBe(200);
    }
    const res: ApplicationView = (await submit(chen, draft.id)).json();
    expect(res.status).toBe('in-review');
    expect(res.reviewReasons.map((r) => r.code).sort()).toEqual([
      'PERSON_BLOCKED',
      'REGION_DOMICILE_MISMATCH',
    ]);
  });
});

describe('the legal representative is someone else', () => {
  const open = (): Api => ({ app: t.app, headers: {} });
  const faceByLink = async (token: string, who: string) => {
    const c = await call(open(), 'POST', `/api/v1/registration/confirm-links/${token}/face-challenge`);
    if (c.statusCode !== 200) return c;
    const { challengeId, actions } = c.json();
    return call(open(), 'POST', `/api/v1/registration/confirm-links/${token}/face`, {
      challengeId,
      frames: fakePerformance(who, actions),
    });
  };

  it('a legal representative with an account confirms by face on a phone through the link', async () => {
    const wang = demoPeople.find((p) => p.key === 'wang')!;
    const app = soleFounderApplication('chen', '广州市青柏信息科技有限公司');
    app.officers.people.push({ ref: 'p2', name: wang.name, residentId: wang.residentId, phone: wang.phone });
    app.officers.legalRepresentative = { ref: 'p2', capacity: 'manager' };
    app.officers.manager = 'p2';
    const draft = await createDraft(chen);
    await saveWhole(chen, draft, app);
    const view = await requestConfirm(chen, draft.id);
    const rep = view.confirmations.find((c) => c.name === wang.name)!;
    expect(rep).toMatchObject({ method: 'face', isMe: false, code: null });
    expect(rep.roles).toEqual(['legal-representative', 'manager']);
    expect(view.confirmations.find((c) => c.isMe)!.method).toBe('password');
    // 王建国 also has the request in his inbox.
    const inbox = await t.ctx.db.select().from(inboxItems).where(eq(inboxItems.refId, rep.id));
    expect(inbox[0]!.body!.zh).toContain('刷脸确认');
    const token = rep.linkPath!.split('/').pop()!;
    // A link is not a licence to confirm with a code.
    const byCode = await call(open(), 'POST', `/api/v1/registration/confirm-links/${token}/confirm`, {
      code: '123456',
    });
    expect(byCode.json().error.code).toBe('CONFIRMATION_METHOD');
    const page = (await call(open(), 'GET', `/api/v1/registration/confirm-links/${token}`)).json();
    expect(page).toMatchObject({ method: 'face', faceEnrolled: true, linkPath: null, personName: wang.name });
    // 王建国's reference is "B": chen's face ("A") on the phone is refused.
    expect((await faceByLink(token, 'A')).json().error.code).toBe('FACE_MISMATCH');
    const ok = await faceByLink(token, 'B');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('confirmed');
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'registration.confirm'),
          eq(
            auditLog.actorPersonId,
            (await findPersonByResidentId(t.ctx.db, t.ctx.cipher, wang.residentId))!.id,
          ),
        ),
      );
    expect(audits.map((a) => a.detail)).toContainEqual(
      expect.objectContaining({ method: 'face', confirmationId: rep.id }),
    );
  });

  it('a newcomer legal representative is told to sign up and enrol, and then confirms through the same link', async () => {
    const residentId = syntheticResidentId(7002, {
      division: '440104',
      birthDate: '19880303',
      gender: 'male',
    });
    const app = soleFounderApplication('chen', '广州市青杉信息科技有限公司');
    app.officers.people.push({ ref: 'p2', name: '欧阳明', residentId, phone: '13600001357' });
    app.officers.legalRepresentative = { ref: 'p2', capacity: 'manager' };
    app.officers.manager = 'p2';
    const draft = await createDraft(chen);
    await saveWhole(chen, draft, app);
    const view = await requestConfirm(chen, draft.id);
    const rep = view.confirmations.find((c) => c.name === '欧阳明')!;
    expect(rep.method).toBe('face');
    const token = rep.linkPath!.split('/').pop()!;
    expect(
      (await call(open(), 'GET', `/api/v1/registration/confirm-links/${token}`)).json().faceEnrolled,
    ).toBe(false);
    const refused = await faceByLink(token, 'C');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('FACE_NOT_ENROLLED');
    expect(refused.json().error.message).toContain('人脸登记');

    const signUp = await call(open(), 'POST', '/api/v1/auth/sign-up', {
      name: '欧阳明',
      residentId,
      phone: '13600001357',
      password: 'Newcomer@2026',
    });
    expect(signUp.statusCode, signUp.body).toBe(201);
    const me: Api = { app: t.app, headers: t.auth(signUp.json().token) };
    expect(
      (await call(me, 'POST', '/api/v1/me/face', { photo: fakeFrameBase64({ who: 'C' }) })).statusCode,
    ).toBe(200);
    const ok = await faceByLink(token, 'C');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('confirmed');
  });
});
