import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { changeApplications } from '../../db/schema';
import { caller, expectError } from '../../test/tax-support';
import { companyIdOf, useFaceDouble } from '../../test/delegation-support';
import {
  createDraft,
  requestConfirm,
  saveWhole,
  soleFounderApplication,
} from '../../test/registration-support';
import type { ChangeView } from '../../../shared/api/changes';

/**
 * A name held by a registration or a name change still in progress is reserved: nobody else may
 * take it (NAME_TAKEN, saying it is reserved) until that application ends.
 */

const clock = new Date('2026-11-22T04:00:00Z');
let t: TestApp;
let call: ReturnType<typeof caller>;
let tech: string;
let food: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  await useFaceDouble(t);
  call = caller(t);
  tech = await companyIdOf(t, 'yunfan-tech');
  food = await companyIdOf(t, 'yunfan-food');
});
afterAll(() => t.close());

const rename = (companyId: string, name: string) =>
  call.post('chen', `/api/v1/companies/${companyId}/changes`, {
    resolutionDate: '2026-11-20',
    votes: [{ shareholder: '陈志明', vote: 'for' }],
    name,
  });
const nameCheck = async (who: string, name: string) =>
  (await call.post(who, '/api/v1/registration/name-check', { name, companyType: 'llc' })).json<{
    ok: boolean;
    problems: { code: string; text: { zh: string; en: string } }[];
  }>();

describe('names of applications in progress are reserved', () => {
  let pending: ChangeView;

  it('a pending name change blocks the name for another company and for a new registration', async () => {
    const res = await rename(tech, '广州市云帆智能科技有限公司');
    expect(res.statusCode, res.body).toBe(201);
    pending = res.json<ChangeView>();
    const other = await rename(food, '广州市云帆智能科技有限公司');
    expectError(other, 409, 'NAME_TAKEN');
    expect(other.json<{ error: { message: string } }>().error.message).toContain('正在办理');
    const check = await nameCheck('li', '广州市云帆智能科技有限公司');
    expect(check.ok).toBe(false);
    expect(check.problems.find((p) => p.code === 'NAME_TAKEN')?.text.en).toContain('reserved');
  });

  it('once the application ends the name is free again', async () => {
    // The reviewer refuses it (the signature is not what this test is about).
    await t.ctx.db
      .update(changeApplications)
      .set({ status: 'submitted' })
      .where(eq(changeApplications.id, pending.id));
    const refused = await call.post('zhao', `/api/v1/changes/review/${pending.id}/decision`, {
      decision: 'reject',
      note: '名称不当',
    });
    expect(refused.statusCode).toBe(200);
    expect((await nameCheck('li', '广州市云帆智能科技有限公司')).ok).toBe(true);
    const res = await rename(food, '广州市云帆智能科技有限公司');
    expect(res.statusCode, res.body).toBe(201);
  });

  it('a name held by a registration in progress blocks a name change', async () => {
    const api = { app: t.app, headers: t.auth(await t.signIn('li')) };
    const view = await createDraft(api);
    await saveWhole(api, view, soleFounderApplication('li', '广州市云帆星辰科技有限公司', clock));
    await requestConfirm(api, view.id);
    const res = await rename(tech, '广州市云帆星辰科技有限公司');
    expectError(res, 409, 'NAME_TAKEN');
    expect(res.json<{ error: { message: string } }>().error.message).toContain('保留');
  });
});
