// Identity: the verified sign-up end to end (server time of its four requests, the real face engine
// included), and one face check approving 10 requests against 10 separate face checks (ratio).
// In-process platform, requests through the whole HTTP stack (inject), real face verification.
import { eq } from 'drizzle-orm';
import { benchApp, pct } from './support';
import type { Section } from './report';
import { fmtMs } from './report';
import { DEMO_PASSWORD, demoCompanies, demoNewcomers, demoPeople } from '../server/seed/demo-data';
import { enrolDemoFaces } from '../server/seed/demo-faces';
import { delegations } from '../server/db/schema';
import { identityAuthorityFor, loadRegisterEntry } from '../server/modules/identity-authority';
import { devOutboxOf } from '../server/modules/sms';
import { framesPerforming, liveFramesOfPersonA } from '../server/test/real-frames';
import { syntheticResidentId } from '../shared/identifiers/generate';
import type { ChallengeAction } from '../shared/api/face';

export const benchIdentity = async (options: { quick?: boolean } = {}): Promise<Section> => {
  const signUps = options.quick ? 2 : 5;
  const batch = options.quick ? 4 : 10;
  const { ctx, app, close } = await benchApp();
  try {
    await enrolDemoFaces(ctx);
    const live = await liveFramesOfPersonA();
    const frames = (a: ChallengeAction[]) => framesPerforming(live, a);
    const inject = async (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) => {
      const res = await app.inject({
        method,
        url,
        headers: { 'user-agent': 'bench', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Record<string, unknown> & { challengeId: string; actions: ChallengeAction[] };
    };

    // Sign-up: fresh authority entries with person A's portrait (the newcomer 林晓东's).
    const lin = demoNewcomers.find((n) => n.key === 'lin')!;
    const portrait = await identityAuthorityFor(ctx).portraitTemplate(lin.residentId);
    const signUpMs: number[] = [];
    for (let i = 0; i < signUps; i++) {
      const person = {
        name: '柏新人',
        residentId: syntheticResidentId(9500 + i),
        phone: `1390000${String(i).padStart(4, '0')}`,
      };
      await loadRegisterEntry(ctx, { ...person, status: 'valid', portrait });
      const t0 = performance.now();
      const started = await inject('POST', '/api/v1/auth/sign-ups', undefined, {
        ...person,
        faceConsent: true,
      });
      const id = String(started.signUpId);
      const code = /\d{6}/.exec(devOutboxOf(ctx)!.list(person.phone)[0]!.text)![0];
      await inject('POST', `/api/v1/auth/sign-ups/${id}/phone`, undefined, { phone: person.phone, code });
      const c = await inject('POST', `/api/v1/auth/sign-ups/${id}/face-challenge`);
      await inject('POST', `/api/v1/auth/sign-ups/${id}/complete`, undefined, {
        challengeId: c.challengeId,
        frames: frames(c.actions),
        password: 'Newcomer@2026',
      });
      signUpMs.push(performance.now() - t0);
    }

    // Approvals: `batch` pending requests for 陈志明 (one asked through the API, cloned in the table).
    const signIn = async (key: string) =>
      String(
        (
          await inject('POST', '/api/v1/auth/sign-in', undefined, {
            login: demoPeople.find((p) => p.key === key)!.phone,
            password: DEMO_PASSWORD,
          })
        ).token,
      );
    const li = await signIn('li');
    const chen = await signIn('chen');
    const companies = (await inject('GET', '/api/v1/companies', li)).companies as {
      id: string;
      name: string;
    }[];
    const tech = companies.find(
      (c) => c.name === demoCompanies.find((d) => d.key === 'yunfan-tech')!.name,
    )!.id;
    await inject('PUT', '/api/v1/me/face-consent', chen, { decision: 'given' });
    const pending = async (n: number): Promise<string[]> => {
      await ctx.db.update(delegations).set({ status: 'cancelled' }).where(eq(delegations.status, 'pending'));
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/companies/${tech}/delegations`,
        headers: { authorization: `Bearer ${li}`, 'idempotency-key': crypto.randomUUID() },
        payload: { scopes: ['tax.file'], validity: { kind: 'months', months: 3 } },
      });
      const first = res.json() as { id: string };
      const [row] = await ctx.db.select().from(delegations).where(eq(delegations.id, first.id));
      const ids = [first.id];
      for (let i = 1; i < n; i++) {
        const { id: _id, linkTokenHash: _h, ...rest } = row!;
        const [copy] = await ctx.db
          .insert(delegations)
          .values({ ...rest, linkTokenHash: `bench-${crypto.randomUUID()}` })
          .returning({ id: delegations.id });
        ids.push(copy!.id);
      }
      return ids;
    };
    const faceAndApprove = async (ids: string[]) => {
      const c = await inject('POST', '/api/v1/me/face-challenge', chen);
      await inject('POST', '/api/v1/me/face-check', chen, {
        challengeId: c.challengeId,
        frames: frames(c.actions),
      });
      const r = await inject('POST', '/api/v1/me/approvals/approve', chen, {
        items: ids.map((id) => ({ kind: 'delegation', id })),
      });
      const results = r.results as { outcome: string }[];
      if (results.some((x) => x.outcome !== 'approved')) throw new Error(JSON.stringify(results));
    };
    const ids = await pending(batch);
    let t0 = performance.now();
    await faceAndApprove(ids);
    const oneCheckMs = performance.now() - t0;
    const separate = await pending(batch);
    t0 = performance.now();
    for (const id of separate) await faceAndApprove([id]);
    const separateMs = performance.now() - t0;

    return {
      title: 'Identity: verified sign-up and one face check for many approvals',
      method: `In-process platform (embedded PGlite), requests through the HTTP stack (inject), the real face engine (8 frames of person A). Sign-up: the four requests (authority + SMS code sent, code, challenge, live face + account), ${signUps} runs. Approvals: ${batch} pending delegations for one legal representative, approved after one session face check, against ${batch} separate face checks each approving one.`,
      rows: [
        [
          'sign-up end to end, server time p50 / max',
          `${fmtMs(pct(signUpMs, 50))} / ${fmtMs(Math.max(...signUpMs))}`,
        ],
        [`one face check approving ${batch} requests`, fmtMs(oneCheckMs)],
        [`${batch} separate face checks, one request each`, fmtMs(separateMs)],
        ['ratio (separate / one check)', `${(separateMs / oneCheckMs).toFixed(1)}×`],
      ],
    };
  } finally {
    await close();
  }
};
