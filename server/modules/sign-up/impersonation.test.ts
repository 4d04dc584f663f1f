// The 冒名登记 path of issue 11, end to end: someone who knows a victim's name and resident ID tries
// to sign up as the victim, registers a company naming the victim as legal representative, and
// tries to confirm. Each step refuses, nothing is created or approved, and each refusal is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { accounts, auditLog, persons, registrationConfirmations } from '../../db/schema';
import { syntheticResidentId } from '../../../shared/identifiers/generate';
import { personIdOf, useFaceDouble } from '../../test/delegation-support';
import { storeFaceTemplate } from '../../seed/demo-faces';
import { fakePerformance } from '../../test/face-double';
import { inAuthority, signUpAs } from '../../test/sign-up-support';
import {
  call,
  createDraft,
  requestConfirm,
  saveWhole,
  soleFounderApplication,
  submit,
  type Api,
} from '../../test/registration-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const double = await useFaceDouble(t);
  // The impostor (li) is a real user with their own portrait "A".
  await storeFaceTemplate(t.ctx, await personIdOf(t, 'li'), double.templateFor('A'));
});
afterAll(async () => t.close());

const victim = { name: '上官婉清', residentId: syntheticResidentId(9301), phone: '13655550001' };
const lastAudit = async (action: string) =>
  (
    await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, action))
      .orderBy(desc(auditLog.at))
      .limit(1)
  )[0];

describe('the impersonation path (冒名登记)', () => {
  it('is refused at sign-up by the face, then at every later step; nothing is created', async () => {
    // The victim is in the authority with their own portrait ("V"); the impostor's face is "A".
    await inAuthority(t, victim, 'V');
    const [before] = await t.ctx.db.select({ n: count() }).from(accounts);
    const signUp = await signUpAs(t, { ...victim, phone: '13655559999' }, 'A');
    expect(signUp.statusCode).toBe(403);
    expect(signUp.json().error.code).toBe('FACE_MISMATCH');
    expect((await lastAudit('auth.sign-up-refused'))?.detail).toMatchObject({
      code: 'FACE_MISMATCH',
      step: 'face',
    });
    const [after] = await t.ctx.db.select({ n: count() }).from(accounts);
    expect(after!.n).toBe(before!.n);
    const [noPerson] = await t.ctx.db.select().from(persons).where(eq(persons.name, victim.name));
    expect(noPerson).toBeUndefined();

    // With their own account (li), the impostor names the victim as legal representative.
    const li: Api = { app: t.app, headers: t.auth(await t.signIn('li')) };
    const app = soleFounderApplication('li', '广州市冒名测试科技有限公司');
    app.officers.people.push({ ref: 'p2', ...victim });
    app.officers.legalRepresentative = { ref: 'p2', capacity: 'manager' };
    app.officers.manager = 'p2';
    const draft = await createDraft(li);
    await saveWhole(li, draft, app);
    const view = await requestConfirm(li, draft.id);
    const rep = view.confirmations.find((c) => c.name === victim.name)!;
    // The victim's confirmation needs the victim's live face: no code for the filer to pass on.
    expect(rep).toMatchObject({ method: 'face', code: null });

    // The impostor's face on the victim's link: refused (the victim has no reference yet), audited.
    const token = rep.linkPath!.split('/').pop()!;
    const open: Api = { app: t.app, headers: {} };
    const challenge = await call(open, 'POST', `/api/v1/registration/confirm-links/${token}/face-challenge`);
    expect(challenge.json().error.code).toBe('FACE_NOT_ENROLLED');

    // Nor can the impostor approve it from their own queue, even face-checked.
    await call(li, 'PUT', '/api/v1/me/face-consent', { decision: 'given' });
    const c = (await call(li, 'POST', '/api/v1/me/face-challenge')).json();
    const faced = await call(li, 'POST', '/api/v1/me/face-check', {
      challengeId: c.challengeId,
      frames: fakePerformance('A', c.actions),
    });
    expect(faced.statusCode, faced.body).toBe(200);
    const approve = await call(li, 'POST', '/api/v1/me/approvals/approve', {
      items: [{ kind: 'registration', id: rep.id }],
    });
    expect(approve.json().results[0]).toMatchObject({ outcome: 'refused', code: 'NOT_FOUND' });
    expect((await lastAudit('approvals.batch'))?.detail).toMatchObject({
      items: [{ kind: 'registration', id: rep.id }],
    });

    // The filing cannot be submitted: the victim never confirmed.
    const submitted = await submit(li, draft.id);
    expect(submitted.json().error.code).toBe('CONFIRMATIONS_PENDING');
    const [row] = await t.ctx.db
      .select()
      .from(registrationConfirmations)
      .where(and(eq(registrationConfirmations.id, rep.id)));
    expect(row?.status).toBe('pending');
  });
});
