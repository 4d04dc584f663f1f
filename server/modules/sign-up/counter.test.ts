// Counter verification (L5): a reviewer who saw the ID card marks the person verified; the
// authority must still agree on name and ID; audited either way; reviewers only, never themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, persons } from '../../db/schema';
import { syntheticResidentId } from '../../../shared/identifiers/generate';
import { demoPeople } from '../../seed/demo-data';
import { inAuthority } from '../../test/sign-up-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const verify = async (who: string, payload: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/review/counter-verifications',
    headers: t.auth(await t.signIn(who)),
    payload: { idCardSeen: true, ...payload },
  });

const lastAudit = async (action: string) =>
  (
    await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, action))
      .orderBy(desc(auditLog.at))
      .limit(1)
  )[0];

describe('counter verification', () => {
  it('marks a person verified after the reviewer saw the card, creating the record if needed', async () => {
    const p = { name: '窗口甲', residentId: syntheticResidentId(9101) };
    await inAuthority(t, p, undefined);
    const res = await verify('zhao', p);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '窗口甲', created: true });
    const [row] = await t.ctx.db.select().from(persons).where(eq(persons.id, res.json().personId));
    expect(row?.counterVerifiedAt).not.toBeNull();
    expect((await lastAudit('identity.counter-verified'))?.detail).toMatchObject({
      personId: row?.id,
      idCardSeen: true,
    });
    expect(JSON.stringify((await lastAudit('identity.counter-verified'))?.detail)).not.toContain(
      p.residentId,
    );
  });

  it('refuses a wrong name, an ID the authority does not know, and the reviewer themself — audited', async () => {
    const p = { name: '窗口乙', residentId: syntheticResidentId(9102) };
    await inAuthority(t, p, undefined);
    const wrong = await verify('zhao', { ...p, name: '窗口丙' });
    expect(wrong.json().error.code).toBe('IDENTITY_NAME_MISMATCH');
    expect((await lastAudit('identity.counter-refused'))?.detail).toMatchObject({
      code: 'IDENTITY_NAME_MISMATCH',
    });
    const unknown = await verify('zhao', { name: '窗口丁', residentId: syntheticResidentId(9103) });
    expect(unknown.json().error.code).toBe('IDENTITY_NOT_FOUND');
    const zhao = demoPeople.find((d) => d.key === 'zhao')!;
    const self = await verify('zhao', { name: zhao.name, residentId: zhao.residentId });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('COUNTER_SELF');
    const [none] = await t.ctx.db
      .select()
      .from(persons)
      .where(and(eq(persons.name, '窗口乙')));
    expect(none).toBeUndefined();
  });

  it('is for reviewers only', async () => {
    const res = await verify('chen', { name: '窗口甲', residentId: syntheticResidentId(9101) });
    expect(res.statusCode).toBe(403);
  });
});
