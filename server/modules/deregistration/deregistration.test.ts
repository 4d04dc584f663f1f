import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { useFaceDouble } from '../../test/delegation-support';
import { fakePerformance } from '../../test/face-double';
import { caller, companyIdOf, DEMO_NOW, expectError, Q3_2026, smallScaleInput } from '../../test/tax-support';
import { companies, deregistrations, inboxItems, licences } from '../../db/schema';
import { demoCompanies, demoPeople } from '../../seed/demo-data';
import { issueLicence } from '../licences';
import { sweepDeregistrations } from './procedure';
import type { DeregistrationOverview, PublicDeregistration } from '../../../shared/api/deregistration';

let t: TestApp;
let api: ReturnType<typeof caller>;
let tech: string;
let clock = DEMO_NOW;
const TECH = demoCompanies.find((c) => c.key === 'yunfan-tech')!;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  api = caller(t);
  await useFaceDouble(t);
  tech = await companyIdOf(t, 'yunfan-tech');
}, 120_000);
afterAll(async () => t?.close());

const url = (suffix = '') => `/api/v1/companies/${tech}/deregistration${suffix}`;
const overview = async () => (await api.get('chen', url())).json() as DeregistrationOverview;

describe('simplified deregistration', () => {
  it('refuses an ineligible company with every reason, and changes nothing', async () => {
    const before = await overview();
    expect(before.eligible).toBe(false);
    expect(before.reasons.map((r) => r.code)).toEqual(['UNFILED_TAX_PERIODS']);
    expect(before.taxClearance.immediate).toBe(false);
    const refused = await api.post('chen', url(), {});
    expectError(refused, 409, 'DEREGISTRATION_INELIGIBLE');
    expect(refused.json().error.message).toContain('未申报');
    expect(await t.ctx.db.select().from(deregistrations)).toEqual([]);
    // A reviewer's flag is one more reason.
    const flagged = await api.post(
      'zhao',
      `/api/v1/reviews/companies/${await companyIdOf(t, 'yunfan-food')}/deregistration-flags`,
      { reason: '股权被冻结' },
    );
    expect(flagged.statusCode, flagged.body).toBe(201);
    const food = (
      await api.get('chen', `/api/v1/companies/${await companyIdOf(t, 'yunfan-food')}/deregistration`)
    ).json() as DeregistrationOverview;
    expect(food.reasons.map((r) => r.code)).toContain('REVIEWER_FLAG');
  });

  it('once tax is filed: investors commit by face, the notice is public, and it completes after 20 days', async () => {
    const returns = `/api/v1/companies/${tech}/tax/returns`;
    const vat = await api.post('chen', returns, {
      period: Q3_2026,
      input: smallScaleInput('0'),
      confirmedTotal: '0.00',
    });
    expect(vat.statusCode, vat.body).toBe(201);
    const cit = await api.post('chen', returns, {
      period: Q3_2026,
      input: {
        form: 'cit-prepay',
        cumulativeProfit: '0',
        headcountByQuarter: [
          ['5', '5'],
          ['5', '5'],
          ['5', '5'],
        ],
        assetsByQuarter: [
          ['100000', '100000'],
          ['100000', '100000'],
          ['100000', '100000'],
        ],
        restrictedIndustry: false,
      },
      confirmedTotal: '0.00',
    });
    expect(cit.statusCode, cit.body).toBe(201);
    await expect.poll(async () => (await overview()).eligible, { timeout: 20_000 }).toBe(true);

    const seal = await t.ctx.db.transaction((tx) =>
      issueLicence(tx, t.ctx, {
        typeKey: 'e-seal',
        holder: { companyId: tech },
        fields: {
          sealName: TECH.name,
          sealType: '法定名称章',
          sealCode: '4401060012345',
          certificateSerial: 'AA',
        },
      }),
    );
    const started = await api.post('chen', url(), {});
    expect(started.statusCode, started.body).toBe(201);
    const o = started.json() as DeregistrationOverview;
    expect(o.current?.status).toBe('commitment');
    expect(o.awaitingMyCommitment).toBe(true);

    const ch = (await api.post('chen', url('/face-challenge'), {})).json() as {
      challengeId: string;
      actions: ('blink' | 'turn-left' | 'turn-right')[];
    };
    const face = await api.post('chen', url('/face'), {
      challengeId: ch.challengeId,
      frames: fakePerformance('A', ch.actions),
    });
    expect(face.statusCode, face.body).toBe(200);
    const committed = await api.post('chen', url('/commit'), { faceCheckId: face.json().faceCheckId });
    expect(committed.statusCode, committed.body).toBe(200);
    expect((committed.json() as DeregistrationOverview).current).toMatchObject({
      status: 'notice',
      noticeFrom: '2026-11-22',
      noticeUntil: '2026-12-11',
      applyUntil: '2026-12-31',
    });

    const pub = (
      await t.app.inject({ method: 'GET', url: `/api/v1/gs/${TECH.uscc}/deregistration` })
    ).json() as PublicDeregistration;
    expect(pub.notice).toMatchObject({
      status: 'notice',
      objectionsOpen: true,
      investors: [demoPeople.find((p) => p.key === 'chen')!.name],
    });
    expectError(await api.post('chen', url('/apply'), {}), 409, 'DEREGISTRATION_STATE');

    // The scheduled step does nothing during the notice, and completes once it has ended.
    expect(await sweepDeregistrations(t.ctx)).toBe(0);
    clock = new Date('2026-12-12T02:00:00Z');
    expect(await sweepDeregistrations(t.ctx)).toBe(1);
    const [c] = await t.ctx.db.select().from(companies).where(eq(companies.id, tech));
    expect(c!.status).toBe('deregistered');
    const [l] = await t.ctx.db.select().from(licences).where(eq(licences.id, seal.id));
    expect(l!.status).toBe('revoked');
    const v = await t.app.inject({
      method: 'POST',
      url: '/api/v1/licences/verify',
      payload: { licence: l!.signed },
    });
    expect(v.json().verdict).toBe('revoked');
    const inbox = await t.ctx.db
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.kind, 'deregistration.completed'), eq(inboxItems.refId, tech)));
    expect(inbox.length).toBeGreaterThan(0);
    const [d] = await t.ctx.db.select().from(deregistrations).where(eq(deregistrations.companyId, tech));
    expect(d!.status).toBe('deregistered');
    // Objections are closed once the notice is over.
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/gs/${TECH.uscc}/deregistration/objections`,
      payload: { name: '张三', contact: '13900000000', reason: '尚有货款未结清' },
    });
    expectError(late, 409, 'DEREGISTRATION_STATE');
  });
});
