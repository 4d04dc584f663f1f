import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { licenceApplications, licences, licenceUploads } from '../../db/schema';
import {
  ApplicationView,
  ChecklistView,
  LicenceDetail,
  LicenceList,
  UploadView,
} from '../../../shared/api/licences';
import { revokeLicence } from './issue';
import { addMonths } from './validity';
import { addDays } from '../../../shared/licences/expiry';
import { chinaDate } from '../../../shared/time/china';
import { seedDemoLicences } from '../../seed/licences';
import { promisedBy } from '../../../shared/services/promised-time';
import { companyIdOf, idem, tinyPdf, tinyPng } from '../../test/licences-support';

let t: TestApp;
let chen: string;
let zhao: string;
let food: string;
let tech: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoLicences(t.ctx);
  [chen, zhao] = await Promise.all([t.signIn('chen'), t.signIn('zhao')]);
  food = await companyIdOf(t, 'yunfan-food');
  tech = await companyIdOf(t, 'yunfan-tech');
});
afterAll(async () => t.close());

const checklist = async (companyId: string, code: string, token = chen) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/companies/${companyId}/licence-services/${code}/checklist`,
    headers: t.auth(token),
  });
  expect(res.statusCode).toBe(200);
  return ChecklistView.parse(res.json());
};
const upload = (companyId: string, body: object, token = chen) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/companies/${companyId}/licence-uploads`,
    headers: t.auth(token),
    payload: body,
  });
const uploadPdf = async (companyId: string, materialKey: string) =>
  UploadView.parse(
    (
      await upload(companyId, {
        materialKey,
        fileName: '申请书.pdf',
        mimeType: 'application/pdf',
        contentBase64: tinyPdf(),
      })
    ).json(),
  );
const submit = (companyId: string, body: object, key = idem(), token = chen) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/companies/${companyId}/licence-applications`,
    headers: { ...t.auth(token), ...key },
    payload: body,
  });
const consentOf = (c: ChecklistView) => ({
  agreed: true,
  attachments: c.attachments.map((a) => ({ identifier: a.identifier, version: a.version, digest: a.digest })),
});
const review = (id: string, action: string, payload: object = {}, token = zhao) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/review/licence-applications/${id}/${action}`,
    headers: t.auth(token),
    payload,
  });
const countApplications = async () => (await t.ctx.db.select().from(licenceApplications)).length;

describe('pre-flight checklist', () => {
  it('says per material: fetched automatically (expiring), to upload', async () => {
    const c = await checklist(food, 'food-business.renew');
    expect(c.items.map((i) => [i.materialKey, i.status])).toEqual([
      ['business-licence', 'auto'],
      ['food-business', 'auto'],
      ['application-form', 'upload'],
      ['food-safety-rules', 'upload'],
    ]);
    expect(c.items[1]!.expiringInDays).toBe(40);
    expect(c.attachments.map((a) => a.typeKey)).toEqual(['business-licence', 'food-business']);
    expect(c.canSubmit).toBe(true);
  });

  it('warns about a new-licence application for a licence the company already holds, valid', async () => {
    const held = await checklist(food, 'public-place-hygiene.new');
    expect(held.alreadyHeld).toMatchObject({ typeKey: 'public-place-hygiene' });
    expect((await checklist(tech, 'drug-business.new')).alreadyHeld).toBeNull();
    expect((await checklist(food, 'public-place-hygiene.renew')).alreadyHeld).toBeNull();
  });

  it('flags expired, revoked and missing licences with the service that fixes them', async () => {
    const expired = await checklist(food, 'tobacco-retail.renew');
    const tobacco = expired.items.find((i) => i.materialKey === 'tobacco-retail')!;
    expect(tobacco.status).toBe('expired');
    expect(tobacco.fixService?.code).toBe('tobacco-retail.new');
    expect(expired.canSubmit).toBe(false);
    const qiming = await companyIdOf(t, 'qiming-trade');
    const wang = await t.signIn('wang');
    const revoked = await checklist(qiming, 'hazardous-chemicals-business.renew', wang);
    expect(revoked.items.find((i) => i.materialKey === 'hazardous-chemicals-business')!.status).toBe(
      'revoked',
    );
    const missing = await checklist(food, 'drug-business.renew');
    const drug = missing.items.find((i) => i.materialKey === 'drug-business')!;
    expect(drug.status).toBe('missing');
    expect(drug.fixService?.code).toBe('drug-business.new');
  });

  it('refuses to submit while a required licence is not usable, and says why', async () => {
    const c = await checklist(food, 'tobacco-retail.renew');
    const form = await uploadPdf(food, 'application-form');
    const res = await submit(food, {
      serviceCode: 'tobacco-retail.renew',
      consent: consentOf(c),
      uploads: [{ materialKey: 'application-form', uploadId: form.id }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('MATERIALS_MISSING');
    expect(res.json().error.message).toContain('烟草专卖零售许可证已于');
  });
});

describe('uploads', () => {
  it('accepts PDF, JPEG and PNG by content, up to 5 MB', async () => {
    expect(
      (
        await upload(food, {
          materialKey: 'floor-plan',
          fileName: 'plan.png',
          mimeType: 'image/png',
          contentBase64: tinyPng(),
        })
      ).statusCode,
    ).toBe(201);
    const cases: [object, number, string][] = [
      [
        {
          mimeType: 'application/pdf',
          contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64'),
        },
        415,
        'UPLOAD_TYPE_NOT_ALLOWED',
      ],
      [{ mimeType: 'image/png', contentBase64: tinyPdf() }, 415, 'UPLOAD_TYPE_MISMATCH'],
      [{ mimeType: 'application/pdf', contentBase64: '' }, 422, 'UPLOAD_EMPTY'],
      [{ mimeType: 'application/pdf', contentBase64: 'not base64!' }, 422, 'UPLOAD_NOT_BASE64'],
      [
        {
          mimeType: 'application/pdf',
          contentBase64: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5 * 1024 * 1024)]).toString(
            'base64',
          ),
        },
        413,
        'UPLOAD_TOO_LARGE',
      ],
      [{ mimeType: 'text/html', contentBase64: tinyPdf() }, 422, 'INVALID_REQUEST'],
    ];
    for (const [body, status, code] of cases) {
      const res = await upload(food, { materialKey: 'application-form', fileName: 'x.pdf', ...body });
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    }
  });

  it('stores the file in the database with a clean name and its hash', async () => {
    const res = await upload(food, {
      materialKey: 'application-form',
      fileName: '../../etc/申请书.pdf',
      mimeType: 'application/pdf',
      contentBase64: tinyPdf(),
    });
    const view = UploadView.parse(res.json());
    expect(view.fileName).toBe('申请书.pdf');
    const [row] = await t.ctx.db.select().from(licenceUploads).where(eq(licenceUploads.id, view.id));
    expect(row!.content.equals(Buffer.from(tinyPdf(), 'base64'))).toBe(true);
    expect(row!.applicationId).toBeNull();
  });
});

describe('submission', () => {
  it('records exactly the consented licences (identifier, version, digest), once per Idempotency-Key', async () => {
    const c = await checklist(food, 'food-business.renew');
    const form = await uploadPdf(food, 'application-form');
    const body = {
      serviceCode: 'food-business.renew',
      consent: consentOf(c),
      uploads: [{ materialKey: 'application-form', uploadId: form.id }],
      note: '续期',
    };
    const key = idem();
    const res = await submit(food, body, key);
    expect(res.statusCode).toBe(201);
    const app = ApplicationView.parse(res.json());
    expect(app.status).toBe('submitted');
    // 承诺时限: five working days after the day it was received, for a renewal.
    expect(app.promisedBy).toBe(promisedBy(chinaDate(app.submittedAt), 'renew'));
    expect(app.promisedBy > chinaDate(app.submittedAt)).toBe(true);
    expect(app.attachments.map((a) => [a.identifier, a.version, a.digest])).toEqual(
      c.attachments.map((a) => [a.identifier, a.version, a.digest]),
    );
    expect(app.uploads.map((u) => u.id)).toEqual([form.id]);
    const before = await countApplications();
    const retry = await submit(food, body, key);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.json().id).toBe(app.id);
    expect(await countApplications()).toBe(before);
    // The wallet shows which submissions used the licence.
    const bl = c.attachments[0]!;
    const detail = LicenceDetail.parse(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/companies/${food}/licences/${bl.licenceId}`,
          headers: t.auth(chen),
        })
      ).json(),
    );
    expect(detail.usages).toEqual([
      expect.objectContaining({
        applicationId: app.id,
        serviceCode: 'food-business.renew',
        version: bl.version,
        digest: bl.digest,
      }),
    ]);
  });

  it('submits nothing when a licence was revoked after the checklist was shown', async () => {
    const c = await checklist(food, 'public-place-hygiene.renew');
    const form = await uploadPdf(food, 'application-form');
    const ph = c.attachments.find((a) => a.typeKey === 'public-place-hygiene')!;
    await t.ctx.db.transaction((tx) =>
      revokeLicence(tx, t.ctx, { licenceId: ph.licenceId, reason: '经营场所已变更' }),
    );
    const before = await countApplications();
    const res = await submit(food, {
      serviceCode: 'public-place-hygiene.renew',
      consent: consentOf(c),
      uploads: [{ materialKey: 'application-form', uploadId: form.id }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('LICENCE_REVOKED_SINCE_CHECKLIST');
    expect(res.json().error.message).toContain('经营场所已变更');
    expect(await countApplications()).toBe(before);
    const [u] = await t.ctx.db.select().from(licenceUploads).where(eq(licenceUploads.id, form.id));
    expect(u!.applicationId).toBeNull();
  });

  it('refuses a consent that does not match the checklist, and a missing required upload', async () => {
    const c = await checklist(food, 'food-business.renew');
    const form = await uploadPdf(food, 'application-form');
    const partial = { agreed: true, attachments: consentOf(c).attachments.slice(0, 1) };
    const res = await submit(food, {
      serviceCode: 'food-business.renew',
      consent: partial,
      uploads: [{ materialKey: 'application-form', uploadId: form.id }],
    });
    expect(res.json().error.code).toBe('CHECKLIST_CHANGED');
    const tampered = {
      agreed: true,
      attachments: consentOf(c).attachments.map((a) => ({ ...a, digest: '0'.repeat(64) })),
    };
    expect(
      (await submit(food, { serviceCode: 'food-business.renew', consent: tampered, uploads: [] })).json()
        .error.code,
    ).toBe('LICENCE_CHANGED_SINCE_CHECKLIST');
    const noForm = await submit(food, {
      serviceCode: 'food-business.renew',
      consent: consentOf(c),
      uploads: [],
    });
    expect([noForm.statusCode, noForm.json().error.code]).toEqual([422, 'UPLOAD_REQUIRED']);
    const notAgreed = await submit(food, {
      serviceCode: 'food-business.renew',
      consent: { ...consentOf(c), agreed: false },
      uploads: [],
    });
    expect(notAgreed.statusCode).toBe(422);
    const unknown = await submit(food, {
      serviceCode: 'no-such.service',
      consent: consentOf(c),
      uploads: [],
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('review', () => {
  const submitted = async (companyId: string, code: string, uploads: string[]) => {
    const c = await checklist(companyId, code);
    const ups = [];
    for (const m of uploads) ups.push({ materialKey: m, uploadId: (await uploadPdf(companyId, m)).id });
    const res = await submit(companyId, { serviceCode: code, consent: consentOf(c), uploads: ups });
    expect(res.statusCode).toBe(201);
    return ApplicationView.parse(res.json());
  };

  it('only reviewers review; status moves submitted → accepted → approved', async () => {
    const app = await submitted(food, 'food-business.renew', ['application-form']);
    expect((await review(app.id, 'accept', {}, chen)).json().error.code).toBe('REVIEWER_ONLY');
    expect((await review(app.id, 'approve')).json().error.code).toBe('APPLICATION_STATE');
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/review/licence-applications',
      headers: t.auth(zhao),
    });
    expect(queue.json().applications.map((a: { id: string }) => a.id)).toContain(app.id);
    expect(ApplicationView.parse((await review(app.id, 'accept')).json()).status).toBe('accepted');
    const approved = ApplicationView.parse((await review(app.id, 'approve', { note: '准予延续' })).json());
    expect(approved.status).toBe('approved');
    // A renewal issues the next version, running on from the old expiry.
    const old = app.attachments.find((a) => a.typeKey === 'food-business')!;
    expect(approved.issuedLicence?.version).toBe(old.version + 1);
    const [next] = await t.ctx.db.select().from(licences).where(eq(licences.id, approved.issuedLicence!.id));
    // In force from today (no gap in the wallet); the five-year term counts on from the old expiry.
    expect(next!.validFrom).toBe(chinaDate(t.ctx.now()));
    expect(next!.validUntil).toBe(addDays(addMonths(addDays(old.validUntil!, 1), 60), -1));
    expect(approved.attachments.find((a) => a.typeKey === 'food-business')!.currentStatus).toBe('superseded');
  });

  it('an approved new-licence application issues the licence into the wallet', async () => {
    const wallet = async () =>
      LicenceList.parse(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/v1/companies/${tech}/licences`,
            headers: t.auth(chen),
          })
        ).json(),
      ).licences;
    const had = (await wallet()).filter((l) => l.typeKey === 'drug-business').length;
    const app = await submitted(tech, 'drug-business.new', [
      'application-form',
      'premises-proof',
      'pharmacist-proof',
      'management-rules',
    ]);
    await review(app.id, 'accept');
    const approved = ApplicationView.parse((await review(app.id, 'approve')).json());
    const issued = (await wallet()).find((l) => l.id === approved.issuedLicence?.id);
    expect(issued).toMatchObject({ typeKey: 'drug-business', version: 1, status: 'active' });
    expect((await wallet()).filter((l) => l.typeKey === 'drug-business').length).toBe(had + 1);
    const verdict = await t.app.inject({
      method: 'POST',
      url: '/api/v1/licences/verify',
      payload: {
        licence: LicenceDetail.parse(
          (
            await t.app.inject({
              method: 'GET',
              url: `/api/v1/companies/${tech}/licences/${issued!.id}`,
              headers: t.auth(chen),
            })
          ).json(),
        ).signed,
      },
    });
    expect(verdict.json().verdict).toBe('valid');
  });

  it('returns an application with a reason the applicant sees', async () => {
    const app = await submitted(food, 'food-business.renew', ['application-form']);
    const returned = ApplicationView.parse(
      (await review(app.id, 'return', { reason: '申请书未签字，请补正' })).json(),
    );
    expect(returned).toMatchObject({
      status: 'returned',
      decisionNote: '申请书未签字，请补正',
      issuedLicence: null,
    });
    expect((await review(app.id, 'accept')).statusCode).toBe(409);
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${food}/licence-applications/${app.id}`,
      headers: t.auth(chen),
    });
    expect(mine.json().decisionNote).toBe('申请书未签字，请补正');
  });
});
