import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import {
  auditLog,
  companies,
  companyRoles,
  faceAttempts,
  inboxItems,
  licences,
  registrationApplications,
} from '../../db/schema';
import { useFaceDouble } from '../../test/delegation-support';
import { validateUscc } from '../../../shared/identifiers/uscc';
import type { ApplicationView } from '../../../shared/api/registration';
import {
  call,
  confirmByFace,
  confirmByPassword,
  createDraft,
  readyToSubmit,
  requestConfirm,
  saveWhole,
  soleFounderApplication,
  submit,
  type Api,
} from '../../test/registration-support';

let t: TestApp;
let chen: Api;
beforeAll(async () => {
  t = await createTestApp();
  chen = { app: t.app, headers: t.auth(await t.signIn('chen')) };
  await useFaceDouble(t);
});
afterAll(async () => t.close());

describe('name self-declaration', () => {
  it('refuses a registered name, says why and suggests free alternatives', async () => {
    const res = await call(chen, 'POST', '/api/v1/registration/name-check', {
      name: '广州市云帆信息科技有限公司',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.problems.map((p: { code: string }) => p.code)).toContain('NAME_TAKEN');
    expect(body.suggestions.length).toBeGreaterThan(0);
    for (const s of body.suggestions) {
      const again = (await call(chen, 'POST', '/api/v1/registration/name-check', { name: s })).json();
      expect(again.ok, s).toBe(true);
    }
  });

  it('accepts a free name and explains forbidden content in plain words', async () => {
    expect(
      (
        await call(chen, 'POST', '/api/v1/registration/name-check', { name: '广州市青禾信息科技有限公司' })
      ).json().ok,
    ).toBe(true);
    const bad = (
      await call(chen, 'POST', '/api/v1/registration/name-check', { name: '广州市国防信息科技有限公司' })
    ).json();
    expect(bad.ok).toBe(false);
    expect(bad.problems[0].code).toBe('FORBIDDEN_WORD');
    expect(bad.problems[0].text.zh).toContain('国防');
  });
});

describe('the automated path (秒批)', () => {
  let view: ApplicationView;

  it('keeps the draft on the server, refuses a save from an older revision and hides it from others', async () => {
    const draft = await createDraft(chen);
    expect(draft.status).toBe('draft');
    expect(draft.draft.services?.seals).toBe(true);
    const saved = await call(chen, 'PUT', `/api/v1/registration/applications/${draft.id}/draft`, {
      step: 'domicile',
      revision: 0,
      draft: { name: '广州市青禾信息科' },
    });
    expect(saved.json().revision).toBe(1);
    const stale = await call(chen, 'PUT', `/api/v1/registration/applications/${draft.id}/draft`, {
      step: 'domicile',
      revision: 0,
      draft: {},
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('DRAFT_CHANGED_ELSEWHERE');
    const again = (await call(chen, 'GET', `/api/v1/registration/applications/${draft.id}`)).json();
    expect(again.draft.name).toBe('广州市青禾信息科');
    expect(again.step).toBe('domicile');
    const li = { app: t.app, headers: t.auth(await t.signIn('li')) };
    expect((await call(li, 'GET', `/api/v1/registration/applications/${draft.id}`)).statusCode).toBe(404);
  });

  it('stores the form encrypted', async () => {
    const [row] = await t.ctx.db.select().from(registrationApplications).limit(1);
    expect(row!.dataEnc).not.toContain('青禾');
  });

  it('refuses to submit before everyone confirmed; the legal representative confirms by face, not password', async () => {
    const draft = await createDraft(chen);
    await saveWhole(chen, draft, soleFounderApplication('chen', '广州市青禾信息科技有限公司'));
    expect((await submit(chen, draft.id)).json().error.code).toBe('CONFIRMATIONS_NOT_REQUESTED');
    view = await requestConfirm(chen, draft.id);
    expect(view.status).toBe('confirming');
    expect(view.confirmations).toHaveLength(1);
    expect(view.confirmations[0]!.roles).toEqual([
      'legal-representative',
      'shareholder',
      'director',
      'manager',
      'finance-officer',
      'liaison',
    ]);
    expect((await submit(chen, draft.id)).json().error.code).toBe('CONFIRMATIONS_PENDING');
    const mine = view.confirmations[0]!;
    expect(mine.method).toBe('face');
    expect(mine.linkPath).toMatch(/^\/c\/[A-Za-z0-9_-]{22}$/);
    expect(mine.code).toBeNull();
    const byPassword = await confirmByPassword(chen, mine.id);
    expect(byPassword.statusCode).toBe(409);
    expect(byPassword.json().error.code).toBe('CONFIRMATION_METHOD');
    // Someone else's face (B) is refused and counted; the request stays pending.
    const wrong = await confirmByFace(chen, mine.id, 'B');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('FACE_MISMATCH');
    expect(wrong.json().error.message).toContain('还可尝试 4 次');
    const page = (await call(chen, 'GET', `/api/v1/registration/confirmations/${mine.id}`)).json();
    expect(page).toMatchObject({ method: 'face', status: 'pending', attemptsLeft: 4, faceEnrolled: true });
    expect(page.linkPath).toBe(mine.linkPath);
    const ok = await confirmByFace(chen, mine.id, 'A');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('confirmed');
    const attempts = await t.ctx.db
      .select()
      .from(faceAttempts)
      .where(and(eq(faceAttempts.purpose, 'registration.confirm'), eq(faceAttempts.subjectId, mine.id)));
    expect(attempts.map((a) => a.outcome).sort()).toEqual(['FACE_MISMATCH', 'match']);
    const [audit] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'registration.confirm'));
    expect(audit!.detail).toMatchObject({ method: 'face', via: 'face' });
    // Spent: the same confirmation cannot be answered again.
    const again = await call(chen, 'POST', `/api/v1/registration/confirmations/${mine.id}/face-challenge`);
    expect(again.json().error.code).toBe('ALREADY_CONFIRMED');
  });

  it('approves at once: USCC, company, licence, 5 seals, tax, social insurance, housing fund, bank, timeline', async () => {
    const res = await submit(chen, view.id);
    expect(res.statusCode).toBe(200);
    const done: ApplicationView = res.json();
    expect(done.status).toBe('approved');
    const outcome = done.outcome!;
    expect(validateUscc(outcome.uscc, 'strict').valid).toBe(true);
    expect(outcome.uscc.slice(2, 8)).toBe('440106');
    expect(outcome.records.map((r) => r.kind)).toEqual([
      'business-licence',
      'seal',
      'seal',
      'seal',
      'seal',
      'seal',
      'tax-registration',
      'social-insurance',
      'housing-fund',
      'bank-account',
    ]);
    const licence = outcome.records[0]!;
    const [row] = await t.ctx.db.select().from(licences).where(eq(licences.id, licence.licenceId!));
    expect(row!.typeKey).toBe('business-licence');
    expect(row!.signed.document.fields.name).toBe('广州市青禾信息科技有限公司');
    expect(row!.signed.document.fields.uscc).toBe(outcome.uscc);
    const sealLicences = await t.ctx.db
      .select()
      .from(licences)
      .where(and(eq(licences.companyId, outcome.companyId), eq(licences.typeKey, 'e-seal')));
    expect(sealLicences.map((l) => l.signed.document.fields.sealType).sort()).toEqual(
      ['发票专用章', '合同专用章', '法定代表人名章', '法定名称章', '财务专用章'].sort(),
    );
    const kinds = done.timeline.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'submitted',
        'auto-review-passed',
        'uscc-assigned',
        'company-established',
        'business-licence-issued',
        'seals-issued',
        'approved',
      ]),
    );
    expect(kinds.indexOf('uscc-assigned')).toBeLessThan(kinds.indexOf('business-licence-issued'));
  });

  it('connects the filer as legal representative: the company is on their home page', async () => {
    const list = (await call(chen, 'GET', '/api/v1/companies')).json();
    const mine = list.companies.find((c: { name: string }) => c.name === '广州市青禾信息科技有限公司');
    expect(mine.roles).toEqual(expect.arrayContaining(['legal-representative', 'shareholder']));
    expect(mine.canAct).toBe(true);
    const roles = await t.ctx.db.select().from(companyRoles).where(eq(companyRoles.companyId, mine.id));
    expect(roles.map((r) => r.role).sort()).toEqual([
      'finance-officer',
      'legal-representative',
      'liaison',
      'shareholder',
    ]);
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registration.approve'), eq(auditLog.companyId, mine.id)));
    expect(audit).toHaveLength(1);
    const apps = (await call(chen, 'GET', '/api/v1/registration/applications')).json().applications;
    expect(apps.find((a: { status: string }) => a.status === 'approved').licenceIdentifier).toMatch(
      /^1\.2\.156\.3005\.2\./,
    );
  });

  it('refuses changes and a second submission once approved', async () => {
    const again = await submit(chen, view.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_SUBMITTED');
    const edit = await call(chen, 'PUT', `/api/v1/registration/applications/${view.id}/draft`, {
      step: 'basics',
      revision: 99,
      draft: {},
    });
    expect(edit.json().error.code).toBe('APPLICATION_NOT_EDITABLE');
  });

  it('serves the articles as a PDF to the filer', async () => {
    const res = await call(chen, 'GET', `/api/v1/registration/applications/${view.id}/articles.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('rules refused with codes and fields', () => {
  it('contributions must sum to the capital and be due within 5 years', async () => {
    const app = soleFounderApplication('chen', '广州市禾丰信息科技有限公司');
    const sh = app.shareholders[0]!;
    sh.contribution = { ...sh.contribution, amount: '90000.00', dueDate: '2099-01-01' };
    const draft = await createDraft(chen);
    await saveWhole(chen, draft, app);
    const res = await call(
      chen,
      'POST',
      `/api/v1/registration/applications/${draft.id}/confirmations`,
      {},
      crypto.randomUUID(),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('APPLICATION_INVALID');
    const problems = (await call(chen, 'GET', `/api/v1/registration/applications/${draft.id}`))
      .json()
      .check.problems.map((p: { code: string }) => p.code);
    expect(problems).toEqual(expect.arrayContaining(['CONTRIBUTIONS_SUM', 'CONTRIBUTION_DUE_TOO_LATE']));
  });

  it('an edit after confirmation sends the application back to draft and closes the requests', async () => {
    const app = soleFounderApplication('chen', '广州市禾润信息科技有限公司');
    const asked = await readyToSubmit(chen, app);
    const current = (await call(chen, 'GET', `/api/v1/registration/applications/${asked.id}`)).json();
    const changed = { ...app, registeredCapital: '200000.00' };
    changed.shareholders = [
      {
        ...app.shareholders[0]!,
        contribution: { ...app.shareholders[0]!.contribution, amount: '200000.00' },
      },
    ];
    const saved = await call(chen, 'PUT', `/api/v1/registration/applications/${asked.id}/draft`, {
      step: 'capital',
      revision: current.revision,
      draft: changed,
    });
    expect(saved.json().status).toBe('draft');
    const view = (await call(chen, 'GET', `/api/v1/registration/applications/${asked.id}`)).json();
    expect(view.confirmations).toHaveLength(0);
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toContain('confirmations-reset');
    const open = await t.ctx.db.select().from(inboxItems).where(eq(inboxItems.kind, 'registration.confirm'));
    expect(open.every((i) => i.doneAt !== null)).toBe(true);
    expect(
      await t.ctx.db.select().from(companies).where(eq(companies.name, '广州市禾润信息科技有限公司')),
    ).toHaveLength(0);
  });
});
