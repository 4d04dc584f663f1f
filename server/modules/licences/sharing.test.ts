import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, licences } from '../../db/schema';
import { ShareList, ShareView, SharedLicenceView } from '../../../shared/api/licences';
import { seedDemoLicences } from '../../seed/licences';
import { companyIdOf, idem } from '../../test/licences-support';

let t: TestApp;
let clock = new Date();
let chen: string;
let companyId: string;
const licenceOf = async (typeKey: string) => {
  const [row] = await t.ctx.db
    .select()
    .from(licences)
    .where(
      and(eq(licences.companyId, companyId), eq(licences.typeKey, typeKey), eq(licences.status, 'active')),
    );
  return row!;
};
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  await seedDemoLicences(t.ctx);
  chen = await t.signIn('chen');
  companyId = await companyIdOf(t, 'yunfan-food');
});
afterAll(async () => t.close());

const share = async (licenceId: string, body: object, key = idem()) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/companies/${companyId}/licences/${licenceId}/shares`,
    headers: { ...t.auth(chen), ...key },
    payload: body,
  });
const open = (url: string, ua = 'BankApp/1.0') =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/licence-shares/${url.split('/shared/')[1]}`,
    headers: { 'user-agent': ua },
  });
const shares = async (licenceId: string) =>
  ShareList.parse(
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/companies/${companyId}/licences/${licenceId}/shares`,
        headers: t.auth(chen),
      })
    ).json(),
  ).shares;

describe('用证授权 (licence sharing)', () => {
  it('creates a time-limited link the third party opens without signing in; every opening is logged', async () => {
    const bl = await licenceOf('business-licence');
    const key = idem();
    const res = await share(
      bl.id,
      { recipient: '中国工商银行广州分行', purpose: '开立一般存款账户', validHours: 48 },
      key,
    );
    expect(res.statusCode).toBe(201);
    const view = ShareView.parse(res.json());
    expect(view.state).toBe('active');
    expect(Date.parse(view.expiresAt) - clock.getTime()).toBe(48 * 3_600_000);
    // A retry with the same key gives the same link, not a second one.
    const again = await share(
      bl.id,
      { recipient: '中国工商银行广州分行', purpose: '开立一般存款账户', validHours: 48 },
      key,
    );
    expect(again.json().id).toBe(view.id);
    const shown = await open(view.url);
    expect(shown.statusCode).toBe(200);
    const body = SharedLicenceView.parse(shown.json());
    expect(body.signed.document.id).toBe(bl.identifier);
    expect(body.verification.verdict).toBe('valid');
    expect(body.recipient).toBe('中国工商银行广州分行');
    const [listed] = await shares(bl.id);
    expect(listed!.access).toEqual([expect.objectContaining({ outcome: 'shown', client: 'BankApp/1.0' })]);
    const audited = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'licence.share'));
    expect(audited).toHaveLength(1);
  });

  it('refuses the link once revoked, and logs the refused attempt', async () => {
    const fb = await licenceOf('food-business');
    const view = ShareView.parse(
      (await share(fb.id, { recipient: '美团', purpose: '平台入驻资质审核', validHours: 24 })).json(),
    );
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/companies/${companyId}/licence-shares/${view.id}/revoke`,
      headers: t.auth(chen),
    });
    expect(revoke.statusCode).toBe(200);
    const res = await open(view.url);
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('SHARE_REVOKED');
    const [listed] = await shares(fb.id);
    expect(listed!.state).toBe('revoked');
    expect(listed!.access.map((a) => a.outcome)).toEqual(['revoked']);
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/companies/${companyId}/licence-shares/${view.id}/revoke`,
      headers: t.auth(chen),
    });
    expect(twice.json().error.code).toBe('SHARE_ALREADY_REVOKED');
  });

  it('refuses the link after it expires, saying when', async () => {
    const ph = await licenceOf('public-place-hygiene');
    const view = ShareView.parse(
      (await share(ph.id, { recipient: '物业', purpose: '入驻登记', validHours: 1 })).json(),
    );
    expect((await open(view.url)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 61 * 60_000);
    const res = await open(view.url);
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('SHARE_EXPIRED');
    expect(res.json().error.message).toMatch(/到期/);
    clock = new Date();
  });

  it('will not share an expired licence, and an unknown or malformed token is refused', async () => {
    const expired = await licenceOf('tobacco-retail');
    const res = await share(expired.id, { recipient: '某某', purpose: '核验', validHours: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('LICENCE_EXPIRED');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/licence-shares/${'A'.repeat(32)}` })).json().error
        .code,
    ).toBe('SHARE_NOT_FOUND');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/licence-shares/short' })).statusCode).toBe(422);
  });
});
