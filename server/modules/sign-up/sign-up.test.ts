// Verified sign-up (实名 + 实人 + SMS) and the attacks on it: each refusal leaves no account, no
// person change, and an audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { accounts, auditLog, persons } from '../../db/schema';
import { syntheticResidentId } from '../../../shared/identifiers/generate';
import { setFaceVerifierForTests } from '../face-checks/face-port';
import { FaceVerifierDouble, fakePerformance } from '../../test/face-double';
import { findPersonByResidentId, insertPerson } from '../identity/persons';
import {
  inAuthority,
  latestCode,
  post,
  signUpAs,
  startSignUp,
  type Applicant,
} from '../../test/sign-up-support';

let t: TestApp;
let seq = 8000;
let phoneSeq = 1000;
const applicant = (name: string): Applicant => ({
  name,
  residentId: syntheticResidentId(++seq),
  phone: `1370000${String(++phoneSeq).padStart(4, '0')}`,
});

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(Date.now() + clockShift) });
  setFaceVerifierForTests(t.ctx, new FaceVerifierDouble());
});
afterAll(async () => t.close());
let clockShift = 0;

const totals = async () => {
  const [p] = await t.ctx.db.select({ n: count() }).from(persons);
  const [a] = await t.ctx.db.select({ n: count() }).from(accounts);
  return { persons: p!.n, accounts: a!.n };
};
const lastRefusal = async () => {
  const [row] = await t.ctx.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'auth.sign-up-refused'))
    .orderBy(desc(auditLog.at))
    .limit(1);
  return row?.detail as { code?: string; step?: string } | undefined;
};

/** Runs `attempt`, expecting the refusal `code`, nothing created, and the refusal audited. */
const refusedWithNothingCreated = async (
  attempt: () => Promise<{ statusCode: number; body: string; json: () => { error: { code: string } } }>,
  status: number,
  code: string,
) => {
  const before = await totals();
  const res = await attempt();
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect(await totals()).toEqual(before);
  expect((await lastRefusal())?.code).toBe(code);
};

describe('verified sign-up', () => {
  it('creates an account only after the authority, the SMS code and the live face agree', async () => {
    const a = applicant('林一');
    await inAuthority(t, a, 'A');
    const res = await signUpAs(t, a, 'A');
    expect(res.statusCode, res.body).toBe(201);
    const me = res.json().me;
    expect(me).toMatchObject({
      person: { name: '林一' },
      faceEnrolled: true,
      verification: { authority: true },
    });
    const [audit] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign-up'));
    expect(audit?.detail).toMatchObject({ via: 'authority+sms+face' });
    // Signed up once: a second sign-up for the same ID is refused at the first step.
    await refusedWithNothingCreated(
      () => startSignUp(t, { ...a, phone: '13799999999' }),
      409,
      'ACCOUNT_EXISTS',
    );
  });

  it('refuses a valid-checksum ID the authority does not know', async () => {
    await refusedWithNothingCreated(() => startSignUp(t, applicant('王二')), 422, 'IDENTITY_NOT_FOUND');
  });

  it('refuses a real entry under a wrong name, and a deceased or cancelled person', async () => {
    const a = applicant('张三');
    await inAuthority(t, a, 'A');
    await refusedWithNothingCreated(
      () => startSignUp(t, { ...a, name: '张三丰' }),
      422,
      'IDENTITY_NAME_MISMATCH',
    );
    const dead = applicant('李四');
    await inAuthority(t, dead, 'A', 'deceased');
    await refusedWithNothingCreated(() => startSignUp(t, dead), 403, 'IDENTITY_DECEASED');
    const gone = applicant('赵五');
    await inAuthority(t, gone, 'A', 'cancelled');
    await refusedWithNothingCreated(() => startSignUp(t, gone), 403, 'IDENTITY_CANCELLED');
  });

  it('refuses the right name and ID with another person’s face, and closes the sign-up after three', async () => {
    const a = applicant('钱六');
    await inAuthority(t, a, 'B');
    await refusedWithNothingCreated(() => signUpAs(t, a, 'A'), 403, 'FACE_MISMATCH');
    expect(await lastRefusal()).toMatchObject({ step: 'face' });
  });

  it('closes one sign-up after three failed face checks', async () => {
    const a = applicant('孙七');
    await inAuthority(t, a, 'B');
    const id = (await startSignUp(t, a)).json().signUpId as string;
    await post(t, `/api/v1/auth/sign-ups/${id}/phone`, { phone: a.phone, code: latestCode(t, a.phone) });
    for (let i = 0; i < 3; i++) {
      const c = (await post(t, `/api/v1/auth/sign-ups/${id}/face-challenge`)).json();
      const res = await post(t, `/api/v1/auth/sign-ups/${id}/complete`, {
        challengeId: c.challengeId,
        frames: fakePerformance('A', c.actions),
        password: 'Newcomer@2026',
      });
      expect(res.json().error.code).toBe('FACE_MISMATCH');
    }
    await refusedWithNothingCreated(
      () => post(t, `/api/v1/auth/sign-ups/${id}/face-challenge`),
      423,
      'SIGN_UP_LOCKED',
    );
  });

  it('refuses a replayed SMS code, a code for another phone, and a replayed face challenge', async () => {
    const a = applicant('周八');
    await inAuthority(t, a, 'A');
    const id = (await startSignUp(t, a)).json().signUpId as string;
    const code = latestCode(t, a.phone);
    await refusedWithNothingCreated(
      () => post(t, `/api/v1/auth/sign-ups/${id}/phone`, { phone: '13711112222', code }),
      422,
      'SMS_CODE_OTHER_PHONE',
    );
    expect((await post(t, `/api/v1/auth/sign-ups/${id}/phone`, { phone: a.phone, code })).statusCode).toBe(
      200,
    );
    await refusedWithNothingCreated(
      () => post(t, `/api/v1/auth/sign-ups/${id}/phone`, { phone: a.phone, code }),
      409,
      'SMS_CODE_USED',
    );
    const c = (await post(t, `/api/v1/auth/sign-ups/${id}/face-challenge`)).json();
    const wrong = {
      challengeId: c.challengeId,
      frames: fakePerformance('B', c.actions),
      password: 'Newcomer@2026',
    };
    expect((await post(t, `/api/v1/auth/sign-ups/${id}/complete`, wrong)).json().error.code).toBe(
      'FACE_MISMATCH',
    );
    const replay = { ...wrong, frames: fakePerformance('A', c.actions) };
    await refusedWithNothingCreated(
      () => post(t, `/api/v1/auth/sign-ups/${id}/complete`, replay),
      409,
      'CHALLENGE_USED',
    );
  });

  it('counts wrong codes and asks for the phone before the face', async () => {
    const a = applicant('吴九');
    await inAuthority(t, a, 'A');
    const id = (await startSignUp(t, a)).json().signUpId as string;
    await refusedWithNothingCreated(
      () => post(t, `/api/v1/auth/sign-ups/${id}/face-challenge`),
      409,
      'SIGN_UP_PHONE_FIRST',
    );
    const good = latestCode(t, a.phone);
    const bad = good === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect(
        (await post(t, `/api/v1/auth/sign-ups/${id}/phone`, { phone: a.phone, code: bad })).json().error.code,
      ).toBe('SMS_CODE_WRONG');
    const locked = await post(t, `/api/v1/auth/sign-ups/${id}/phone`, { phone: a.phone, code: good });
    expect(locked.json().error.code).toBe('SMS_CODE_LOCKED');
    // A new code cannot be asked for within a minute.
    expect((await post(t, `/api/v1/auth/sign-ups/${id}/sms`)).json().error.code).toBe('SMS_RESEND_TOO_SOON');
  });

  it('refuses an expired code', async () => {
    const a = applicant('郑十');
    await inAuthority(t, a, 'A');
    const id = (await startSignUp(t, a)).json().signUpId as string;
    const code = latestCode(t, a.phone);
    clockShift = 6 * 60_000;
    try {
      await refusedWithNothingCreated(
        () => post(t, `/api/v1/auth/sign-ups/${id}/phone`, { phone: a.phone, code }),
        410,
        'SMS_CODE_EXPIRED',
      );
    } finally {
      clockShift = 0;
    }
  });

  it('offers no way to upload or replace a reference face', async () => {
    const token = await t.signIn('chen');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/face',
      headers: t.auth(token),
      payload: { photo: 'AAAA' },
    });
    expect(res.statusCode).toBe(404);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: {
        name: '冒名',
        residentId: syntheticResidentId(1),
        phone: '13700000000',
        password: 'x'.repeat(10),
      },
    });
    expect(old.statusCode).toBe(404);
  });

  it('attaches an existing person without an account only after the proof, never to an impostor', async () => {
    // The victim is named in someone's filing (a person record without account) and is in the authority.
    const victim = applicant('冯十一');
    await inAuthority(t, victim, 'B');
    const personId = await insertPerson(t.ctx.db, t.ctx.cipher, {
      name: victim.name,
      residentId: victim.residentId,
    });
    // The impostor knows the name and ID, uses their own phone and face: refused, victim untouched.
    await refusedWithNothingCreated(() => signUpAs(t, victim, 'A'), 403, 'FACE_MISMATCH');
    const untouched = await findPersonByResidentId(t.ctx.db, t.ctx.cipher, victim.residentId);
    expect(untouched).toMatchObject({ id: personId, phoneHash: null, authorityVerifiedAt: null });
    // The person themself: attached to the existing record.
    const res = await signUpAs(t, { ...victim, phone: '13766660000' }, 'B');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().me.person.id).toBe(personId);
  });

  it('shows the development outbox only where it is enabled', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dev/sms-outbox' });
    expect(res.statusCode).toBe(200);
    expect(res.json().messages.length).toBeGreaterThan(0);
  });
});
