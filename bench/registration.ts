// Measures the platform's time for company registration on the automated path (秒批): from the
// submission reaching the platform to the electronic business licence (and everything else approval
// issues) being committed. In-process platform on embedded PGlite (in memory), requests through
// fastify.inject, so the figure is platform time without network or browser. Called by the bench runner.
import { eq } from 'drizzle-orm';
import { benchApp, pct } from './support';
import { DEMO_PASSWORD, demoPeople } from '../server/seed/demo-data';
import { registrationEvents } from '../server/db/schema';
import { setFaceVerifierForTests } from '../server/modules/face-checks/face-port';
import { FaceVerifierDouble } from '../server/test/face-double';
import { storeFaceTemplate } from '../server/modules/identity/face-template';
import { findPersonByResidentId } from '../server/modules/identity/persons';
import { readyToSubmit, soleFounderApplication, submit, type Api } from '../server/test/registration-support';

export type RegistrationBenchResult = {
  runs: number;
  /** Submit request → answer "approved" (licence, seals, registrations committed). */
  submitP50Ms: number;
  submitP95Ms: number;
  submitMaxMs: number;
  /** The first approval, which also creates the issuing authorities' signing keys. */
  firstMs: number;
  /** Inside the transaction: "submitted" → "business licence issued" timeline steps. */
  licenceP50Ms: number;
  goalMs: number;
  title: string;
  method: string;
  rows: [string, string][];
};

const TRADE_CHARS = [...'晨曦朗越瀚澜锦泓煜骏'];
const tradeName = (i: number): string => `${TRADE_CHARS[Math.floor(i / 10) % 10]}${TRADE_CHARS[i % 10]}`;

export const benchRegistration = async (
  options: { runs?: number } = {},
): Promise<RegistrationBenchResult> => {
  const runs = Math.min(options.runs ?? 10, 90);
  const { ctx, app, close } = await benchApp();
  try {
    // The legal representative's face confirmation precedes the measured step; the face double
    // answers it here (the face check itself is measured by the delegation benchmark).
    const face = new FaceVerifierDouble();
    setFaceVerifierForTests(ctx, face);
    const chen = demoPeople.find((p) => p.key === 'chen');
    const chenRow = chen ? await findPersonByResidentId(ctx.db, ctx.cipher, chen.residentId) : undefined;
    if (!chenRow) throw new Error('demo person chen missing');
    await storeFaceTemplate(ctx, chenRow.id, face.templateFor('A'));
    const phone = demoPeople.find((p) => p.key === 'chen')?.phone;
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: phone, password: DEMO_PASSWORD },
    });
    const api: Api = {
      app,
      headers: { authorization: `Bearer ${(signIn.json() as { token: string }).token}` },
    };
    const submitMs: number[] = [];
    const licenceMs: number[] = [];
    // Skip pairs of equal characters (晨晨…): the 10 × 10 grid minus the diagonal leaves 90 names.
    const indices = Array.from({ length: 100 }, (_, i) => i).filter((i) => Math.floor(i / 10) !== i % 10);
    for (const i of indices.slice(0, runs)) {
      const ready = await readyToSubmit(
        api,
        soleFounderApplication('chen', `广州市${tradeName(i)}信息科技有限公司`),
      );
      const t0 = performance.now();
      const res = await submit(api, ready.id);
      submitMs.push(performance.now() - t0);
      const body = res.json() as { status?: string };
      if (body.status !== 'approved')
        throw new Error(`run ${i}: expected approval, got ${res.body.slice(0, 300)}`);
      const events = await ctx.db
        .select()
        .from(registrationEvents)
        .where(eq(registrationEvents.applicationId, ready.id));
      const at = (kind: string): number => events.find((e) => e.kind === kind)?.at.getTime() ?? NaN;
      licenceMs.push(at('business-licence-issued') - at('submitted'));
    }
    const steady = submitMs.slice(1);
    const result = {
      runs: submitMs.length,
      submitP50Ms: pct(steady, 50),
      submitP95Ms: pct(steady, 95),
      submitMaxMs: Math.max(...steady),
      firstMs: submitMs[0] ?? NaN,
      licenceP50Ms: pct(licenceMs, 50),
      goalMs: 2000,
    };
    return {
      ...result,
      title: 'Company registration: submit → business licence (automated path)',
      method:
        'In-process platform on embedded PGlite (in memory), demo data; the filer is sole shareholder and holds every office, so the automated review approves at once. Timed: the submit request until its answer, i.e. name re-check, rules, identity checks, USCC, company, business licence + 4 e-seal licences (SM2-signed), seal/tax/social-insurance/housing-fund/bank records, all in one transaction. Goal ≤ 2 s.',
      rows: [
        ['runs', String(result.runs)],
        ['submit → approved, p50', `${result.submitP50Ms.toFixed(0)} ms`],
        ['submit → approved, p95', `${result.submitP95Ms.toFixed(0)} ms`],
        ['submit → approved, max', `${result.submitMaxMs.toFixed(0)} ms`],
        ['first approval (creates issuer keys)', `${result.firstMs.toFixed(0)} ms`],
        ['submitted → licence issued (inside the transaction), p50', `${result.licenceP50Ms.toFixed(0)} ms`],
        ['goal', '≤ 2000 ms'],
      ],
    };
  } finally {
    await close();
  }
};
