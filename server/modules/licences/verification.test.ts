import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { licences } from '../../db/schema';
import { generateIssuerKeyPair, signLicence } from '../../../shared/licences/signing';
import { buildQrUrl } from '../../../shared/licences/qr-payload';
import { verifyLicence } from '../../../shared/licences/verify';
import type { SignedLicence } from '../../../shared/licences/document';
import { IssuerKeyList, VerifyAnswer } from '../../../shared/api/licences';
import { seedDemoLicences } from '../../seed/licences';
import { companyIdOf } from '../../test/licences-support';

let t: TestApp;
let signedOf: (company: string, typeKey: string) => Promise<SignedLicence>;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoLicences(t.ctx);
  signedOf = async (company, typeKey) => {
    const companyId = await companyIdOf(t, company);
    const [row] = await t.ctx.db
      .select()
      .from(licences)
      .where(and(eq(licences.companyId, companyId), eq(licences.typeKey, typeKey)));
    return row!.signed;
  };
});
afterAll(async () => t.close());

const verify = async (payload: unknown): Promise<VerifyAnswer> => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/licences/verify',
    payload: payload as object,
  });
  expect(res.statusCode).toBe(200);
  return VerifyAnswer.parse(res.json());
};

describe('POST /api/v1/licences/verify', () => {
  it('answers valid for an untouched licence, with the issuer and the registry facts', async () => {
    const r = await verify({ licence: await signedOf('yunfan-food', 'food-business') });
    expect(r.verdict).toBe('valid');
    expect(r.revocationChecked).toBe(true);
    expect(r.issuer?.name?.zh).toBe('广州市市场监督管理局');
    expect(r.registry?.holderName).toBe('广州市云帆餐饮管理有限公司');
    expect(r.state?.state).toBe('expiring');
  });

  it('answers tampered when any signed field is changed', async () => {
    const s = structuredClone(await signedOf('yunfan-food', 'food-business'));
    s.document.fields.premises = '广州市越秀区别处 1 号';
    const r = await verify({ licence: s });
    expect(r.verdict).toBe('tampered');
    expect(r.reasons.at(-1)?.en).toMatch(/altered/);
    expect(r.registry).toBeUndefined();
  });

  it('answers tampered for a signature made with another key under a published key id', async () => {
    const s = await signedOf('yunfan-tech', 'internet-culture');
    const forged = signLicence(s.document, generateIssuerKeyPair().privateKeyHex, s.publicKeyId);
    expect((await verify({ licence: forged })).verdict).toBe('tampered');
  });

  it('answers unknown-issuer for a key nobody published', async () => {
    const s = await signedOf('yunfan-tech', 'internet-culture');
    const rogue = signLicence(s.document, generateIssuerKeyPair().privateKeyHex, 'rogue-authority.2026');
    const r = await verify({ licence: rogue });
    expect(r.verdict).toBe('unknown-issuer');
    expect(r.reasons.at(-1)?.zh).toContain('rogue-authority.2026');
  });

  it('answers expired for a lapsed licence and revoked for a revoked one', async () => {
    const expired = await verify({ licence: await signedOf('yunfan-food', 'tobacco-retail') });
    expect(expired.verdict).toBe('expired');
    expect(expired.reasons.at(-1)?.zh).toMatch(/已于 \d{4}-\d{2}-\d{2} 到期/);
    const revoked = await verify({ licence: await signedOf('qiming-trade', 'hazardous-chemicals-business') });
    expect(revoked.verdict).toBe('revoked');
    expect(revoked.registry?.status).toBe('revoked');
  });

  it('verifies a QR payload (URL or fragment) and refuses malformed ones with a reason', async () => {
    const s = await signedOf('meijia-home', 'pollutant-discharge');
    const url = buildQrUrl(s, 'https://st.example');
    expect((await verify({ qr: url })).verdict).toBe('valid');
    expect((await verify({ qr: url.split('#')[1]! })).verdict).toBe('valid');
    for (const bad of ['', 'hello', 'https://evil.example/x#1.abc', '1.!!!!', '1.e30', url.slice(0, -6)]) {
      const r = await verify({ qr: bad });
      expect(r.verdict).toBe('malformed');
      expect(r.reasons.length).toBeGreaterThan(0);
    }
  });

  it('answers malformed, never 500, for garbage documents', async () => {
    for (const licence of [
      null,
      42,
      'x',
      { document: {} },
      { ...(await signedOf('meijia-home', 'e-seal')), extra: 1 },
    ]) {
      expect((await verify({ licence })).verdict).toBe('malformed');
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/licences/verify', payload: { both: 1 } });
    expect(res.statusCode).toBe(422);
  });

  it('reaches the same verdict offline in the app with only the published keys', async () => {
    const { keys } = IssuerKeyList.parse(
      (await t.app.inject({ method: 'GET', url: '/api/v1/licences/issuers' })).json(),
    );
    const now = t.ctx.now().toISOString();
    const cases: [SignedLicence, string][] = [
      [await signedOf('yunfan-food', 'food-business'), 'valid'],
      [await signedOf('yunfan-food', 'tobacco-retail'), 'expired'],
    ];
    const tampered = structuredClone(cases[0]![0]);
    tampered.document.validUntil = '2099-12-31';
    cases.push([tampered, 'tampered']);
    for (const [s, verdict] of cases) {
      expect(verifyLicence(s, { issuers: keys, revoked: () => undefined, now }).verdict).toBe(verdict);
      expect((await verify({ licence: s })).verdict).toBe(verdict);
    }
  });
});
