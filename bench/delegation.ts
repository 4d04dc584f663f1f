// Measures how long the agent's screen takes to learn of an approval: from the moment the server
// decides (decidedAt) to (a) the delegation.approved event arriving on the agent's open SSE stream
// and (b) the agent's client having re-fetched the company and seeing itself authorized — what
// the desktop does to flip to "authorized until …". Runs an in-process platform on a free port
// with an in-memory database and talks to it over real HTTP. Called by the bench runner.
import { benchApp, pct } from './support';
import { DEMO_PASSWORD, demoCompanies, demoPeople } from '../server/seed/demo-data';
import { eq } from 'drizzle-orm';
import { persons } from '../server/db/schema';
import { enrolDemoFaces } from '../server/seed/demo-faces';
import { storeFaceTemplate } from '../server/modules/identity/face-template';
import { setFaceVerifierForTests } from '../server/modules/face-checks/face-port';
import { FaceVerifierDouble, fakePerformance } from '../server/test/face-double';
import { framesPerforming, liveFramesOfPersonA } from '../server/test/real-frames';
import type { ChallengeAction } from '../shared/api/delegation';

export type ApprovalLatencyResult = {
  runs: number;
  face: 'real' | 'double';
  /** decidedAt → event on the agent's stream. */
  eventP50Ms: number;
  eventMaxMs: number;
  /** decidedAt → the agent's company view says "delegate" (event + re-fetch). */
  screenP50Ms: number;
  screenP95Ms: number;
  screenMaxMs: number;
  /** Submit → answer on the phone (face verification included). */
  verifyP50Ms: number;
  title: string;
  method: string;
  rows: [string, string][];
};

export const benchApprovalLatency = async (
  options: { runs?: number; face?: 'real' | 'double' } = {},
): Promise<ApprovalLatencyResult> => {
  const runs = options.runs ?? 10;
  const face = options.face ?? 'real';
  const { ctx, app, close } = await benchApp();
  const stopStreams: (() => void)[] = [];
  try {
    let frames: (actions: ChallengeAction[]) => string[];
    if (face === 'real') {
      await enrolDemoFaces(ctx);
      const live = await liveFramesOfPersonA();
      frames = (a) => framesPerforming(live, a);
    } else {
      const double = new FaceVerifierDouble();
      setFaceVerifierForTests(ctx, double);
      const [chen] = await ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.name, '陈志明'));
      if (chen) await storeFaceTemplate(ctx, chen.id, double.templateFor('A'));
      frames = (a) => fakePerformance('A', a as never);
    }
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const json = async (path: string, init: RequestInit = {}): Promise<Record<string, unknown>> => {
      const res = await fetch(base + path, init);
      return (await res.json()) as Record<string, unknown>;
    };
    const signIn = async (key: string): Promise<string> => {
      const phone = demoPeople.find((p) => p.key === key)?.phone;
      const body = await json('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: phone, password: DEMO_PASSWORD }),
      });
      return String(body.token);
    };
    const li = await signIn('li');
    const chen = await signIn('chen');
    const companies = (await json('/api/v1/companies', { headers: { authorization: `Bearer ${li}` } }))
      .companies as { id: string; name: string }[];
    const techName = demoCompanies.find((c) => c.key === 'yunfan-tech')?.name;
    const tech = companies.find((c) => c.name === techName)?.id ?? '';

    // The agent's open event stream, as the desktop keeps it.
    const waiters: ((type: string) => void)[] = [];
    const controller = new AbortController();
    stopStreams.push(() => controller.abort());
    const stream = await fetch(`${base}/api/v1/events`, {
      headers: { authorization: `Bearer ${li}` },
      signal: controller.signal,
    });
    void (async () => {
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buf += value;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const type = /event: (.*)/.exec(buf.slice(0, i))?.[1] ?? '';
            buf = buf.slice(i + 2);
            for (const w of waiters.splice(0)) w(type);
          }
        }
      } catch {
        // aborted at the end
      }
    })();
    const nextApproved = (): Promise<number> =>
      new Promise((resolve) => {
        const wait = (type: string): void => {
          if (type === 'delegation.approved') resolve(Date.now());
          else waiters.push(wait);
        };
        waiters.push(wait);
      });

    const eventMs: number[] = [];
    const screenMs: number[] = [];
    const verifyMs: number[] = [];
    let previous: string | undefined;
    for (let i = 0; i < runs; i++) {
      if (previous)
        await json(`/api/v1/delegations/${previous}/revoke`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${chen}`,
            'content-type': 'application/json',
            'idempotency-key': `bench-revoke-${i}-${Date.now()}`,
          },
          body: '{}',
        });
      const request = await json(`/api/v1/companies/${tech}/delegations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${li}`,
          'content-type': 'application/json',
          'idempotency-key': `bench-request-${i}-${Date.now()}`,
        },
        body: JSON.stringify({ scopes: ['tax.file'], validity: { kind: 'months', months: 1 } }),
      });
      previous = String(request.id);
      const token = String((request.link as { path: string }).path).replace('/approve/', '');
      const challenge = (await json(`/api/v1/approvals/${token}/challenge`, { method: 'POST' })) as {
        challengeId: string;
        actions: ChallengeAction[];
      };
      const event = nextApproved();
      const t0 = performance.now();
      const verdict = await json(`/api/v1/approvals/${token}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ challengeId: challenge.challengeId, frames: frames(challenge.actions) }),
      });
      verifyMs.push(performance.now() - t0);
      if (verdict.status !== 'approved') throw new Error(`approval failed: ${JSON.stringify(verdict)}`);
      const eventAt = await event;
      // What the desktop does on the event: re-fetch the company, which now says "delegate".
      const detail = await json(`/api/v1/companies/${tech}`, { headers: { authorization: `Bearer ${li}` } });
      const screenAt = Date.now();
      if (detail.actingAs !== 'delegate') throw new Error('the agent is not authorized after approval');
      const [row] = await ctx.db.query.delegations.findMany({
        where: (d, { eq }) => eq(d.id, previous ?? ''),
      });
      const decidedAt = row?.decidedAt?.getTime() ?? NaN;
      eventMs.push(eventAt - decidedAt);
      screenMs.push(screenAt - decidedAt);
    }
    const r = (x: number): number => Math.round(x);
    const result = {
      runs,
      face,
      eventP50Ms: r(pct(eventMs, 50)),
      eventMaxMs: r(Math.max(...eventMs)),
      screenP50Ms: r(pct(screenMs, 50)),
      screenP95Ms: r(pct(screenMs, 95)),
      screenMaxMs: r(Math.max(...screenMs)),
      verifyP50Ms: r(pct(verifyMs, 50)),
    };
    return {
      ...result,
      title: 'Delegation: approval on the phone → agent’s screen',
      method: `${runs} approvals through the HTTP API of an in-process platform (PGlite in memory), ${face === 'real' ? 'real face engine' : 'face test double'}; the agent keeps an SSE stream open. Timed from the server’s decision (decidedAt) to the event on the agent’s stream, and to the agent’s re-fetched company view showing the authorization.`,
      rows: [
        ['approval → event on agent stream (p50 / max)', `${result.eventP50Ms} ms / ${result.eventMaxMs} ms`],
        [
          'approval → agent view updated (p50 / p95 / max)',
          `${result.screenP50Ms} ms / ${result.screenP95Ms} ms / ${result.screenMaxMs} ms`,
        ],
        ['phone: submit frames → answer (p50, includes face verification)', `${result.verifyP50Ms} ms`],
      ],
    };
  } finally {
    for (const s of stopStreams) s();
    await close();
  }
};
