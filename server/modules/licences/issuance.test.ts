import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { licenceIssuerKeys, licences } from '../../db/schema';
import { issuingAuthorities } from '../../../shared/licences/catalogue';
import { verifyLicence } from '../../../shared/licences/verify';
import { chinaDate } from '../../../shared/time/china';
import { IssuerKeyList } from '../../../shared/api/licences';
import { issueLicence, reissueLicence, revokeLicence } from './issue';
import { seedDemoLicences } from '../../seed/licences';
import { companyIdOf } from '../../test/licences-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoLicences(t.ctx);
});
afterAll(async () => t.close());

const published = async () =>
  IssuerKeyList.parse((await t.app.inject({ method: 'GET', url: '/api/v1/licences/issuers' })).json());

const verifyApi = async (payload: unknown) =>
  (await t.app.inject({ method: 'POST', url: '/api/v1/licences/verify', payload: payload as object })).json();

describe('issuer keys', () => {
  it('publishes one SM2 public key per issuing authority and no private material', async () => {
    const { keys } = await published();
    expect(keys.map((k) => k.issuerKey).sort()).toEqual(issuingAuthorities.map((a) => a.key).sort());
    for (const k of keys) expect(k.publicKeyHex).toMatch(/^04[0-9a-f]{128}$/);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/licences/issuers' });
    expect(res.body).not.toMatch(/private/i);
  });

  it('keeps private keys sealed with AES-GCM under a key derived from the data key', async () => {
    const rows = await t.ctx.db.select().from(licenceIssuerKeys);
    expect(rows.length).toBe(issuingAuthorities.length);
    for (const r of rows) {
      expect(r.privateKeyEnc).toMatch(/^v1\./);
      expect(r.privateKeyEnc).not.toMatch(/[0-9a-f]{64}/);
      // Not the personal-data key: that cipher cannot open it.
      expect(() => t.ctx.cipher.decrypt(r.privateKeyEnc)).toThrow();
    }
  });
});

describe('issuance', () => {
  it('issues a signed licence that verifies offline with the published keys', async () => {
    const companyId = await companyIdOf(t, 'qiming-trade');
    const issued = await t.ctx.db.transaction((tx) =>
      issueLicence(tx, t.ctx, {
        typeKey: 'tax-payment-certificate',
        holder: { companyId },
        fields: {
          certificateNumber: '440305260000123',
          taxpayerName: '深圳市启明贸易有限公司',
          taxItems: ['增值税'],
          taxPeriod: '2026-10',
          amount: '3500.00',
          paidOn: '2026-11-10',
        },
      }),
    );
    expect(issued.version).toBe(1);
    expect(issued.identifier).toMatch(/^1\.2\.156\.3005\.2\./);
    expect(issued.validUntil).toBeNull();
    const { keys } = await published();
    const r = verifyLicence(issued.signed, {
      issuers: keys,
      revoked: () => undefined,
      now: t.ctx.now().toISOString(),
    });
    expect(r.verdict).toBe('valid');
    expect(r.revocationChecked).toBe(false);
    expect((await verifyApi({ licence: issued.signed })).verdict).toBe('valid');
  });

  it('computes validity from the type (five years for a food business licence, last day inclusive)', async () => {
    const companyId = await companyIdOf(t, 'yunfan-tech');
    const issued = await t.ctx.db.transaction((tx) =>
      issueLicence(tx, t.ctx, {
        typeKey: 'food-business',
        holder: { companyId },
        validFrom: '2026-03-01',
        fields: {
          licenceNumber: 'JY14401060099999',
          operatorName: '广州市云帆信息科技有限公司',
          legalRepresentative: '陈志明',
          domicile: '广州',
          premises: '广州',
          businessForm: '单位食堂',
          businessItems: ['热食类食品制售'],
        },
      }),
    );
    expect(issued.validUntil).toBe('2031-02-28');
  });

  it('refuses fields that do not fit the type and signs nothing', async () => {
    const companyId = await companyIdOf(t, 'qiming-trade');
    const before = (await t.ctx.db.select().from(licences)).length;
    await expect(
      t.ctx.db.transaction((tx) =>
        issueLicence(tx, t.ctx, {
          typeKey: 'food-business',
          holder: { companyId },
          fields: { licenceNumber: 'X', colour: 'red' },
        }),
      ),
    ).rejects.toMatchObject({ code: 'LICENCE_FIELD_UNKNOWN' });
    await expect(
      t.ctx.db.transaction((tx) =>
        issueLicence(tx, t.ctx, { typeKey: 'no-such-type', holder: { companyId }, fields: {} }),
      ),
    ).rejects.toMatchObject({ code: 'UNKNOWN_LICENCE_TYPE' });
    expect((await t.ctx.db.select().from(licences)).length).toBe(before);
  });

  it('re-issuing a changed licence bumps the version; the old version then verifies as superseded', async () => {
    const companyId = await companyIdOf(t, 'zhizao-tech');
    const [bl] = await t.ctx.db
      .select()
      .from(licences)
      .where(and(eq(licences.companyId, companyId), eq(licences.typeKey, 'business-licence')));
    const next = await t.ctx.db.transaction((tx) =>
      reissueLicence(tx, t.ctx, {
        licenceId: bl!.id,
        fields: { legalRepresentative: '刘芳', domicile: '东莞市松山湖新址' },
      }),
    );
    expect(next.version).toBe(bl!.version + 1);
    expect(next.serial).toBe(bl!.serial);
    expect(next.identifier).not.toBe(bl!.identifier);
    expect(next.signed.document.fields.domicile).toBe('东莞市松山湖新址');
    const old = await verifyApi({ licence: bl!.signed });
    expect(old.verdict).toBe('revoked');
    expect(old.registry).toMatchObject({ status: 'superseded', latestVersion: next.version });
    expect(old.reasons.at(-1).zh).toContain(`第 ${next.version} 版取代`);
    expect((await verifyApi({ licence: next.signed })).verdict).toBe('valid');
    await expect(
      t.ctx.db.transaction((tx) => reissueLicence(tx, t.ctx, { licenceId: bl!.id })),
    ).rejects.toMatchObject({
      code: 'LICENCE_SUPERSEDED',
    });
  });

  it('revoking marks the licence revoked and it verifies as revoked with the reason', async () => {
    const companyId = await companyIdOf(t, 'zhizao-tech');
    const [row] = await t.ctx.db
      .select()
      .from(licences)
      .where(and(eq(licences.companyId, companyId), eq(licences.typeKey, 'work-safety')));
    await t.ctx.db.transaction((tx) => revokeLicence(tx, t.ctx, { licenceId: row!.id, reason: '测试注销' }));
    const r = await verifyApi({ licence: row!.signed });
    expect(r.verdict).toBe('revoked');
    expect(r.revocationChecked).toBe(true);
    expect(r.reasons.at(-1).zh).toContain('测试注销');
  });
});

describe('demo sandbox', () => {
  it('holds at least 20 licence types, some near expiry, one expired, one revoked — and seeding twice adds nothing', async () => {
    const before = await t.ctx.db.select().from(licences);
    await seedDemoLicences(t.ctx);
    const rows = await t.ctx.db.select().from(licences);
    expect(rows.length).toBe(before.length);
    expect(new Set(rows.map((r) => r.typeKey)).size).toBeGreaterThanOrEqual(20);
    const today = chinaDate(t.ctx.now());
    const active = rows.filter((r) => r.status === 'active');
    expect(active.filter((r) => r.validUntil && r.validUntil < today).map((r) => r.typeKey)).toContain(
      'tobacco-retail',
    );
    const soon = active.filter(
      (r) =>
        r.validUntil &&
        r.validUntil >= today &&
        Date.parse(r.validUntil) - Date.parse(today) <= 90 * 86_400_000,
    );
    expect(soon.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.status === 'revoked').map((r) => r.typeKey)).toContain(
      'hazardous-chemicals-business',
    );
    expect(rows.some((r) => r.typeKey === 'business-licence' && r.version === 2)).toBe(true);
  });
});
