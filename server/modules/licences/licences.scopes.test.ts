import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { companies, delegations, licences, persons } from '../../db/schema';
import { ChecklistView } from '../../../shared/api/licences';
import { seedDemoLicences } from '../../seed/licences';
import { companyIdOf, idem, tinyPdf } from '../../test/licences-support';

/**
 * Who may do what with a company's licences: view (wallet, checklist) needs company.view, using a
 * licence (PDF, share) licence.use, applying licence.apply — and submitting also licence.use.
 */
let t: TestApp;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const blOf: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoLicences(t.ctx);
  for (const key of ['yunfan-food', 'yunfan-tech', 'meijia-home', 'qiming-trade']) {
    ids[key] = await companyIdOf(t, key);
    const [bl] = await t.ctx.db
      .select({ id: licences.id })
      .from(licences)
      .where(
        and(
          eq(licences.companyId, ids[key]!),
          eq(licences.typeKey, 'business-licence'),
          eq(licences.status, 'active'),
        ),
      );
    blOf[key] = bl!.id;
  }
  for (const p of ['chen', 'li', 'zhou', 'liu', 'wang']) tokens[p] = await t.signIn(p);
});
afterAll(async () => t.close());

type Call = (
  person: string,
  company: string,
) => Promise<{ statusCode: number; json: () => { error?: { code: string } } }>;
const as = (person: string) => t.auth(tokens[person]!);

const calls: Record<string, Call> = {
  wallet: (p, c) =>
    t.app.inject({ method: 'GET', url: `/api/v1/companies/${ids[c]}/licences`, headers: as(p) }),
  detail: (p, c) =>
    t.app.inject({ method: 'GET', url: `/api/v1/companies/${ids[c]}/licences/${blOf[c]}`, headers: as(p) }),
  checklist: (p, c) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${ids[c]}/licence-services/e-seal.renew/checklist`,
      headers: as(p),
    }),
  pdf: (p, c) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${ids[c]}/licences/${blOf[c]}/pdf`,
      headers: as(p),
    }),
  share: (p, c) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/companies/${ids[c]}/licences/${blOf[c]}/shares`,
      headers: { ...as(p), ...idem() },
      payload: { recipient: '银行', purpose: '开户', validHours: 2 },
    }),
  upload: (p, c) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/companies/${ids[c]}/licence-uploads`,
      headers: as(p),
      payload: {
        materialKey: 'application-form',
        fileName: 'a.pdf',
        mimeType: 'application/pdf',
        contentBase64: tinyPdf(),
      },
    }),
  apply: (p, c) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/companies/${ids[c]}/licence-applications`,
      headers: { ...as(p), ...idem() },
      payload: { serviceCode: 'e-seal.renew', consent: { agreed: true, attachments: [] }, uploads: [] },
    }),
};

const ALLOWED = 'allowed';
const outcome = async (call: Call, person: string, company: string): Promise<string> => {
  const res = await call(person, company);
  if (res.statusCode < 400) return ALLOWED;
  const code = res.json().error?.code ?? String(res.statusCode);
  // Authorization passed; the request then failed on its content (empty consent for `apply`).
  return ['CHECKLIST_CHANGED', 'UPLOAD_REQUIRED', 'MATERIALS_MISSING'].includes(code) ? ALLOWED : code;
};

const matrix: [who: string, person: string, company: string, expected: Record<string, string>][] = [
  [
    'legal representative',
    'chen',
    'yunfan-food',
    {
      wallet: ALLOWED,
      detail: ALLOWED,
      checklist: ALLOWED,
      pdf: ALLOWED,
      share: ALLOWED,
      upload: ALLOWED,
      apply: ALLOWED,
    },
  ],
  [
    'agent connected without delegation (李晓红)',
    'li',
    'yunfan-food',
    {
      wallet: 'NO_DELEGATION',
      detail: 'NO_DELEGATION',
      checklist: 'NO_DELEGATION',
      pdf: 'NO_DELEGATION',
      share: 'NO_DELEGATION',
      upload: 'NO_DELEGATION',
      apply: 'NO_DELEGATION',
    },
  ],
  [
    'firm staff (周伟) for 佛山美家 via firm delegation with licence.use only',
    'zhou',
    'meijia-home',
    {
      wallet: ALLOWED,
      detail: ALLOWED,
      checklist: ALLOWED,
      pdf: ALLOWED,
      share: ALLOWED,
      upload: 'SCOPE_NOT_GRANTED',
      apply: 'SCOPE_NOT_GRANTED',
    },
  ],
  [
    'firm staff for a company the firm does not serve',
    'zhou',
    'yunfan-food',
    {
      wallet: 'NOT_CONNECTED',
      detail: 'NOT_CONNECTED',
      checklist: 'NOT_CONNECTED',
      pdf: 'NOT_CONNECTED',
      share: 'NOT_CONNECTED',
      upload: 'NOT_CONNECTED',
      apply: 'NOT_CONNECTED',
    },
  ],
  [
    'legal representative of another company',
    'chen',
    'meijia-home',
    {
      wallet: 'NOT_CONNECTED',
      detail: 'NOT_CONNECTED',
      checklist: 'NOT_CONNECTED',
      pdf: 'NOT_CONNECTED',
      share: 'NOT_CONNECTED',
      upload: 'NOT_CONNECTED',
      apply: 'NOT_CONNECTED',
    },
  ],
];

describe('licence authorization matrix', () => {
  it.each(matrix)('%s', async (_who, person, company, expected) => {
    const got: Record<string, string> = {};
    for (const name of Object.keys(expected)) got[name] = await outcome(calls[name]!, person, company);
    expect(got).toEqual(expected);
  });

  it('a licence id of another company is not found through one’s own company', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${ids['yunfan-food']}/licences/${blOf['meijia-home']}`,
      headers: as('chen'),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('submitting needs licence.use as well as licence.apply', () => {
  const grant = async (
    company: string,
    scopes: string[],
    validUntil = new Date(Date.now() + 30 * 86_400_000),
  ) => {
    const [c] = await t.ctx.db.select().from(companies).where(eq(companies.id, ids[company]!));
    const [li] = await t.ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.name, '李晓红'));
    await t.ctx.db.insert(delegations).values({
      companyId: c!.id,
      grantorPersonId: c!.legalRepPersonId,
      granteePersonId: li!.id,
      requestedByPersonId: li!.id,
      scopes,
      status: 'approved',
      durationDays: 30,
      validFrom: new Date(Date.now() - 86_400_000),
      validUntil,
      decidedAt: new Date(),
    });
  };

  it('a delegate with licence.apply only may upload but not submit', async () => {
    await grant('yunfan-tech', ['licence.apply']);
    expect(await outcome(calls.upload!, 'li', 'yunfan-tech')).toBe(ALLOWED);
    const c = ChecklistView.parse((await calls.checklist!('li', 'yunfan-tech')).json());
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/companies/${ids['yunfan-tech']}/licence-applications`,
      headers: { ...as('li'), ...idem() },
      payload: {
        serviceCode: 'e-seal.renew',
        consent: {
          agreed: true,
          attachments: c.attachments.map((a) => ({
            identifier: a.identifier,
            version: a.version,
            digest: a.digest,
          })),
        },
        uploads: [],
      },
    });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'SCOPE_NOT_GRANTED']);
  });

  it('with both scopes the delegate submits; with an expired delegation they are told so', async () => {
    await grant('yunfan-tech', ['licence.use']);
    expect(await outcome(calls.apply!, 'li', 'yunfan-tech')).toBe(ALLOWED);
    await grant('qiming-trade', ['licence.use', 'licence.apply'], new Date(Date.now() - 1000));
    expect(await outcome(calls.share!, 'li', 'qiming-trade')).toBe('DELEGATION_EXPIRED');
  });
});
