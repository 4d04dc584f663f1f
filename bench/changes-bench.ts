// Change registration: from submitting an address change (within the same authority, so 秒批) to
// the new business licence version — the filing, then the legal representative's face
// confirmation, which approves in one transaction (facts, licence version, records, notices,
// outbox events, audit). The face check is the test double (the real engine has its own bench),
// so the figure is the platform's own work. Baseline in the same run: issuing one licence in its
// own transaction, the single most expensive step inside the approval.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { benchApp, pct } from './support';
import { fmtMs, type Section } from './report';
import { DEMO_PASSWORD, demoCompanies, demoPeople } from '../server/seed/demo-data';
import { companies, persons } from '../server/db/schema';
import { storeFaceTemplate } from '../server/seed/demo-faces';
import { setFaceVerifierForTests } from '../server/modules/face-checks/face-port';
import { issueLicence } from '../server/modules/licences';
import { FaceVerifierDouble, fakePerformance } from '../server/test/face-double';
import type { ChallengeAction } from '../shared/api/face';
import type { ChangeView } from '../shared/api/changes';

export const benchChanges = async (options: { runs?: number } = {}): Promise<Section> => {
  const runs = options.runs ?? (process.argv.includes('--quick') ? 5 : 20);
  const { ctx, app, close } = await benchApp();
  try {
    const double = new FaceVerifierDouble();
    setFaceVerifierForTests(ctx, double);
    const [chen] = await ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.name, '陈志明'));
    if (!chen) throw new Error('no demo person 陈志明');
    await storeFaceTemplate(ctx, chen.id, double.templateFor('A'));
    const phone = demoPeople.find((p) => p.key === 'chen')!.phone;
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: phone, password: DEMO_PASSWORD },
    });
    const headers = { authorization: `Bearer ${(signIn.json() as { token: string }).token}` };
    const uscc = demoCompanies.find((c) => c.key === 'yunfan-tech')!.uscc;
    const [company] = await ctx.db
      .select({ id: companies.id })
      .from(companies)
      .where(eq(companies.uscc, uscc));
    if (!company) throw new Error('no demo company yunfan-tech');
    const post = async (url: string, payload: object) => {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'idempotency-key': randomUUID() },
        payload,
      });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json() as unknown;
    };

    const timings: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const view = (await post(`/api/v1/companies/${company.id}/changes`, {
        resolutionDate: '2026-01-01',
        votes: [{ shareholder: '陈志明', vote: 'for' }],
        domicile: { divisionCode: '440106', street: `体育西路 ${100 + i} 号` },
      })) as ChangeView;
      const confirmationId = view.confirmations[0]!.id;
      const ch = (await post(`/api/v1/changes/confirmations/${confirmationId}/face-challenge`, {})) as {
        challengeId: string;
        actions: ChallengeAction[];
      };
      const done = (await post(`/api/v1/changes/confirmations/${confirmationId}/face`, {
        challengeId: ch.challengeId,
        frames: fakePerformance('A', ch.actions),
      })) as ChangeView;
      if (done.status !== 'approved' || !done.licence) throw new Error(`run ${i}: ${done.status}`);
      timings.push(performance.now() - t0);
    }

    const baseline: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await ctx.db.transaction((tx) =>
        issueLicence(tx, ctx, {
          typeKey: 'e-seal',
          holder: { companyId: company.id },
          fields: {
            sealName: `基准章 ${i}`,
            sealType: '合同专用章',
            sealCode: `B${i}`,
            certificateSerial: `S${i}`,
          },
        }),
      );
      baseline.push(performance.now() - t0);
    }
    const p50 = pct(timings, 50);
    const b50 = pct(baseline, 50);
    return {
      title: 'Change registration',
      method: `An address change within the same authority (秒批), ${runs} runs through the HTTP stack (inject) on in-memory PGlite: submit → challenge → face confirmation (test double) → approved with a new business licence version. Baseline in the same run: one issueLicence in its own transaction.`,
      rows: [
        ['change submit → new licence p50 / p95', `${fmtMs(p50)} / ${fmtMs(pct(timings, 95))}`],
        ['baseline: one licence issued p50', fmtMs(b50)],
        ['ratio (change p50 / one licence p50)', `${(p50 / b50).toFixed(1)} ×`],
      ],
    };
  } finally {
    await close();
  }
};
