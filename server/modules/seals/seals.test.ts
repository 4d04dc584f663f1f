import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { companyIdOf, idem, personIdOf, useFaceDouble } from '../../test/delegation-support';
import { fakePerformance, type FaceVerifierDouble } from '../../test/face-double';
import { storeFaceTemplate } from '../../seed/demo-faces';
import { renderPdf } from '../../pdf/document';
import { sealSignatures } from '../../db/schema';
import { issueLicence } from '../licences';
import type { SealsOverview, SealSignResult, SealVerifyReport } from '../../../shared/api/seals';

let t: TestApp;
let double: FaceVerifierDouble;
let chen: string;
let li: string;
let companyId: string;
let sealId: string;
let pdf: string;

const face = async (token: string, who: string): Promise<string> => {
  const c = await t.app.inject({
    method: 'POST',
    url: `/api/v1/companies/${companyId}/seals/face-challenge`,
    headers: t.auth(token),
  });
  expect(c.statusCode, c.body).toBe(200);
  const { challengeId, actions } = c.json() as {
    challengeId: string;
    actions: ('blink' | 'turn-left' | 'turn-right')[];
  };
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/companies/${companyId}/seals/face`,
    headers: t.auth(token),
    payload: { challengeId, frames: fakePerformance(who, actions) },
  });
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { faceCheckId: string }).faceCheckId;
};

const post = (token: string, path: string, payload: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/companies/${companyId}/seals${path}`,
    headers: { ...t.auth(token), ...idem() },
    payload,
  });

const placement = { page: 1, x: 380, y: 80, size: 120 };
const signatureCount = async () => (await t.ctx.db.select({ n: count() }).from(sealSignatures))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  double = await useFaceDouble(t);
  await storeFaceTemplate(t.ctx, await personIdOf(t, 'li'), double.templateFor('L'));
  companyId = await companyIdOf(t, 'yunfan-tech');
  const issued = await t.ctx.db.transaction((tx) =>
    issueLicence(tx, t.ctx, {
      typeKey: 'e-seal',
      holder: { companyId },
      fields: {
        sealName: '广州市云帆信息科技有限公司',
        sealType: '法定名称章',
        sealCode: '4401060012345',
        certificateSerial: '5A3F19C2D84B7E60',
      },
    }),
  );
  sealId = issued.id;
  chen = await t.signIn('chen');
  li = await t.signIn('li');
  pdf = (
    await renderPdf((w) => {
      w.title('股东会决议', 'Shareholders’ resolution');
      w.paragraph('全体股东一致同意……');
    })
  ).toString('base64');
}, 120_000);

afterAll(async () => t?.close());

describe('e-seals', () => {
  it('the legal representative claims the seals by face and sets the PIN', async () => {
    const before = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/companies/${companyId}/seals`,
        headers: t.auth(chen),
      })
    ).json() as SealsOverview;
    expect(before.claimed).toBe(false);
    expect(before.seals.map((s) => s.sealId)).toEqual([sealId]);
    // An agent cannot claim.
    const liFace = await face(li, 'L');
    expect((await post(li, '/claim', { faceCheckId: liFace, pin: '123456' })).json().error.code).toBe(
      'NOT_LEGAL_REPRESENTATIVE',
    );
    const faceCheckId = await face(chen, 'A');
    const res = await post(chen, '/claim', { faceCheckId, pin: '246810' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as SealsOverview).claimed).toBe(true);
    // A face check serves one action only.
    expect(
      (
        await post(chen, `/${sealId}/sign`, { fileName: 'x.pdf', contentBase64: pdf, placement, faceCheckId })
      ).json().error.code,
    ).toBe('SEAL_FACE_CHECK_INVALID');
  });

  it('refuses signing without a grant, then grants with the PIN (a wrong PIN is counted)', async () => {
    const noGrant = await post(li, `/${sealId}/sign`, {
      fileName: 'r.pdf',
      contentBase64: pdf,
      placement,
      faceCheckId: await face(li, 'L'),
    });
    expect(noGrant.statusCode).toBe(403);
    expect(noGrant.json().error.code).toBe('SEAL_NO_GRANT');
    const liId = await personIdOf(t, 'li');
    const wrong = await post(chen, `/${sealId}/grants`, {
      personId: liId,
      role: 'user',
      validUntil: '2099-12-31',
      pin: '000000',
    });
    expect(wrong.json().error.code).toBe('SEAL_PIN_WRONG');
    const ok = await post(chen, `/${sealId}/grants`, {
      personId: liId,
      role: 'user',
      validUntil: '2099-12-31',
      pin: '246810',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ personId: liId, role: 'user', state: 'active' });
  });

  it('a granted agent signs with a fresh face check; the public verifier says who, which seal, valid', async () => {
    expect(
      (
        await post(li, `/${sealId}/sign`, {
          fileName: 'r.pdf',
          contentBase64: 'aGVsbG8gd29ybGQ=',
          placement,
          faceCheckId: await face(li, 'L'),
        })
      ).json().error.code,
    ).toBe('SEAL_NOT_PDF');
    // The PIN alone needs a face check inside a re-verification window; li has none set.
    expect(
      (
        await post(li, `/${sealId}/sign`, { fileName: 'r.pdf', contentBase64: pdf, placement, pin: '246810' })
      ).json().error.code,
    ).toBe('SEAL_FACE_REQUIRED');
    const res = await post(li, `/${sealId}/sign`, {
      fileName: '决议.pdf',
      contentBase64: pdf,
      placement,
      faceCheckId: await face(li, 'L'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const signed = res.json() as SealSignResult;
    expect(signed.fileName).toBe('决议-signed.pdf');
    const bytes = Buffer.from(signed.contentBase64, 'base64');
    expect(bytes.subarray(0, Buffer.from(pdf, 'base64').length).equals(Buffer.from(pdf, 'base64'))).toBe(
      true,
    );

    const v = await t.app.inject({
      method: 'POST',
      url: '/api/v1/seal-signatures/verify',
      payload: { contentBase64: signed.contentBase64 },
    });
    expect(v.statusCode, v.body).toBe(200);
    const report = v.json() as SealVerifyReport;
    expect(report.signatures).toHaveLength(1);
    const [s] = report.signatures;
    expect(s!.checks.filter((c) => !c.ok)).toEqual([]);
    expect(s!.valid).toBe(true);
    expect(s!.seal).toMatchObject({ name: '广州市云帆信息科技有限公司', statusNow: 'active' });
    expect(s!.signer?.name).toBe('李晓红');

    const tampered = Buffer.from(bytes);
    tampered[200] = tampered[200]! ^ 0x01;
    const tv = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/seal-signatures/verify',
        payload: { contentBase64: tampered.toString('base64') },
      })
    ).json() as SealVerifyReport;
    expect(tv.signatures[0]!.valid).toBe(false);
    expect(tv.signatures[0]!.checks.find((c) => c.key === 'document')?.ok).toBe(false);
  });

  it('locks the seal for the person after five wrong PINs; nothing is signed', async () => {
    await t.ctx.db.execute(
      `update accounts set reverify_window_minutes = 60 where person_id = '${await personIdOf(t, 'li')}'`,
    );
    const n = await signatureCount();
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1)
      codes.push(
        (
          await post(li, `/${sealId}/sign`, {
            fileName: 'r.pdf',
            contentBase64: pdf,
            placement,
            pin: '111111',
          })
        ).json().error.code,
      );
    expect(codes).toEqual([
      'SEAL_PIN_WRONG',
      'SEAL_PIN_WRONG',
      'SEAL_PIN_WRONG',
      'SEAL_PIN_WRONG',
      'SEAL_LOCKED',
    ]);
    const locked = await post(li, `/${sealId}/sign`, {
      fileName: 'r.pdf',
      contentBase64: pdf,
      placement,
      pin: '246810',
    });
    expect(locked.statusCode).toBe(423);
    expect(await signatureCount()).toBe(n);
    // The lock is the agent's only: the legal representative still signs with the PIN within a window.
    await t.ctx.db.execute(
      `update accounts set reverify_window_minutes = 60 where person_id = '${await personIdOf(t, 'chen')}'`,
    );
    const ok = await post(chen, `/${sealId}/sign`, {
      fileName: 'r.pdf',
      contentBase64: pdf,
      placement,
      pin: '246810',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await signatureCount()).toBe(n + 1);
  });
});
