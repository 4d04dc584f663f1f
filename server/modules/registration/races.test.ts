import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { companies, licences, persons, registrationEvents, registrationUsccSequences } from '../../db/schema';
import { issueUscc } from '../../../shared/registration/uscc-issuance';
import { demoPeople } from '../../seed/demo-data';
import { findPersonByResidentId } from '../identity/persons';
import { useFaceDouble } from '../../test/delegation-support';
import {
  call,
  readyToSubmit,
  soleFounderApplication,
  submit,
  type Api,
} from '../../test/registration-support';

let t: TestApp;
let chen: Api;
let wang: Api;
beforeAll(async () => {
  t = await createTestApp();
  chen = { app: t.app, headers: t.auth(await t.signIn('chen')) };
  wang = { app: t.app, headers: t.auth(await t.signIn('wang')) };
  await useFaceDouble(t);
});
afterAll(async () => t.close());

const countOf = async (table: typeof licences | typeof persons | typeof companies): Promise<number> =>
  (await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe('name race', () => {
  it('a name held by someone’s pending application is not available to another filer', async () => {
    await readyToSubmit(chen, soleFounderApplication('chen', '广州市星渡信息科技有限公司'));
    const check = (
      await call(wang, 'POST', '/api/v1/registration/name-check', { name: '广州市星渡信息科技有限公司' })
    ).json();
    expect(check.problems.map((p: { code: string }) => p.code)).toContain('NAME_TAKEN');
  });

  it('a name registered between check and submit is caught at submit, and nothing is filed', async () => {
    const ready = await readyToSubmit(chen, soleFounderApplication('chen', '广州市星汉信息科技有限公司'));
    // Another registration takes the name meanwhile (here: straight into the register).
    const rep = await findPersonByResidentId(t.ctx.db, t.ctx.cipher, demoPeople[2]!.residentId);
    await t.ctx.db.insert(companies).values({
      uscc: issueUscc('440104', 990_000),
      name: '广州市星汉信息科技有限公司',
      nameParts: { region: '广州市', tradeName: '星汉', industry: '信息科技', form: '有限公司' },
      type: 'llc',
      legalRepPersonId: rep!.id,
      registeredCapital: '10000.00',
      divisionCode: '440104',
      address: '广东省广州市越秀区',
      businessScope: [],
      establishedOn: '2024-01-01',
      registrationAuthority: '广州市越秀区市场监督管理局',
    });
    const res = await submit(chen, ready.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NAME_TAKEN');
    expect(res.json().error.field).toBe('name');
    const view = (await call(chen, 'GET', `/api/v1/registration/applications/${ready.id}`)).json();
    expect(view.status).toBe('confirming');
    expect(view.timeline.map((e: { kind: string }) => e.kind)).not.toContain('submitted');
  });
});

describe('idempotent submit', () => {
  it('a double click files once and both answers are the same', async () => {
    const ready = await readyToSubmit(chen, soleFounderApplication('chen', '广州市星野信息科技有限公司'));
    const before = await countOf(companies);
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([submit(chen, ready.id, key), submit(chen, ready.id, key)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().outcome.uscc).toBe(b.json().outcome.uscc);
    expect(await countOf(companies)).toBe(before + 1);
    const retry = await submit(chen, ready.id, key);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.json().outcome.uscc).toBe(a.json().outcome.uscc);
    const fresh = await submit(chen, ready.id);
    expect(fresh.json().error.code).toBe('ALREADY_SUBMITTED');
  });
});

describe('rollback', () => {
  it('a failing approval step undoes the whole approval; a retry then succeeds', async () => {
    const ready = await readyToSubmit(chen, soleFounderApplication('chen', '广州市星川信息科技有限公司'));
    const [seqBefore] = await t.ctx.db
      .select()
      .from(registrationUsccSequences)
      .where(eq(registrationUsccSequences.divisionCode, '440106'));
    const counts = {
      licences: await countOf(licences),
      persons: await countOf(persons),
      companies: await countOf(companies),
    };
    // The last step (bank appointment) fails: everything before it must disappear with it.
    await t.ctx.db.execute(
      sql`alter table registration_records add constraint test_no_bank check (kind <> 'bank-account') not valid`,
    );
    const failed = await submit(chen, ready.id);
    expect(failed.statusCode).toBe(500);
    expect(failed.json().error.code).toBe('APPROVAL_FAILED');
    expect({
      licences: await countOf(licences),
      persons: await countOf(persons),
      companies: await countOf(companies),
    }).toEqual(counts);
    const [seqAfter] = await t.ctx.db
      .select()
      .from(registrationUsccSequences)
      .where(eq(registrationUsccSequences.divisionCode, '440106'));
    expect(seqAfter?.nextValue).toBe(seqBefore?.nextValue);
    const events = await t.ctx.db
      .select()
      .from(registrationEvents)
      .where(eq(registrationEvents.applicationId, ready.id));
    expect(events.map((e) => e.kind)).not.toContain('uscc-assigned');
    const view = (await call(chen, 'GET', `/api/v1/registration/applications/${ready.id}`)).json();
    expect(view.status).toBe('confirming');
    expect(view.outcome).toBeNull();

    await t.ctx.db.execute(sql`alter table registration_records drop constraint test_no_bank`);
    const ok = await submit(chen, ready.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('approved');
    expect(await countOf(companies)).toBe(counts.companies + 1);
  });
});
