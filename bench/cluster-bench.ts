// Several instances behind nginx (e2e/cluster/cluster.ts: compiled platforms on one PostgreSQL
// database of their own). Authenticated reads through nginx with 1 and with 3 instances (the
// ratio), and how long an event takes from a request on one instance to streams on the others.
import autocannon from 'autocannon';
import type { Section } from './report';
import { fmtMs, percentile } from './report';
import { startCluster, type Cluster } from '../e2e/cluster/cluster';
import { call, openStream, signIn } from '../e2e/cluster/api';

const quick = process.argv.includes('--quick');
/** 陈志明: legal representative of the demo companies with licences. */
const CHEN = '13800000001';

const readsPerSecond = async (cluster: Cluster): Promise<{ rps: number; p99: number }> => {
  const token = await signIn(cluster.url, CHEN);
  // Warm-up (not counted): instances just started are still compiling hot paths and running
  // their start-up jobs.
  await autocannon({
    url: `${cluster.url}/api/v1/companies`,
    connections: 20,
    duration: 2,
    headers: { authorization: `Bearer ${token}` },
  });
  const r = await autocannon({
    url: `${cluster.url}/api/v1/companies`,
    connections: 20,
    duration: quick ? 2 : 8,
    headers: { authorization: `Bearer ${token}` },
  });
  return { rps: r.requests.average, p99: r.latency.p99 };
};

/** Shares a licence on instance 1 (a `licence.share.created` event) and times it on streams held on 2 and 3. */
const eventLatency = async (cluster: Cluster, rounds: number): Promise<number[]> => {
  const [i1, i2, i3] = cluster.instances;
  const token = await signIn(i1!.url, CHEN);
  const companies = await call<{ companies: { id: string }[] }>(i1!.url, 'GET', '/api/v1/companies', token);
  let target: { companyId: string; licenceId: string } | undefined;
  for (const c of companies.body.companies) {
    const list = await call<{ licences: { id: string }[] }>(
      i1!.url,
      'GET',
      `/api/v1/companies/${c.id}/licences`,
      token,
    );
    const first = list.body.licences[0];
    if (first) {
      target = { companyId: c.id, licenceId: first.id };
      break;
    }
  }
  if (!target) throw new Error('no demo licence to share');
  const streams = [
    await openStream(i2!.url, await signIn(i2!.url, CHEN)),
    await openStream(i3!.url, await signIn(i3!.url, CHEN)),
  ];
  const latencies: number[] = [];
  try {
    for (let n = 0; n < rounds; n++) {
      const seen = streams.map((s) => s.events.length);
      const sent = Date.now();
      const res = await call(
        i1!.url,
        'POST',
        `/api/v1/companies/${target.companyId}/licences/${target.licenceId}/shares`,
        token,
        {
          recipient: '基准测试',
          purpose: `事件延迟 ${n}`,
          validHours: 1,
        },
      );
      if (res.status !== 201 && res.status !== 200)
        throw new Error(`share: ${res.status} ${JSON.stringify(res.body)}`);
      for (const [k, s] of streams.entries()) {
        const until = Date.now() + 5_000;
        while (!s.events.slice(seen[k]).some((e) => e.type === 'licence.share.created')) {
          if (Date.now() > until) throw new Error('event did not arrive in 5 s');
          await new Promise((r) => setTimeout(r, 2));
        }
        const e = s.events.slice(seen[k]).find((x) => x.type === 'licence.share.created')!;
        latencies.push(e.at - sent);
      }
    }
  } finally {
    for (const s of streams) s.close();
  }
  return latencies.sort((a, b) => a - b);
};

export const benchCluster = async (): Promise<Section> => {
  const one = await startCluster({ instances: 1 });
  let single: { rps: number; p99: number };
  try {
    single = await readsPerSecond(one);
  } finally {
    await one.stop();
  }
  const three = await startCluster({ instances: 3 });
  let triple: { rps: number; p99: number };
  let latencies: number[];
  try {
    triple = await readsPerSecond(three);
    latencies = await eventLatency(three, quick ? 10 : 40);
  } finally {
    await three.stop();
  }
  return {
    title: 'Cluster: instances behind nginx on PostgreSQL',
    method:
      'Compiled platforms (out/server/main.js) on one PostgreSQL database, behind nginx round-robin (the config of `npm run test:cluster`). ' +
      'Reads: GET /api/v1/companies with a session token, 20 connections through nginx, with 1 and with 3 instances. ' +
      'Events: a licence share created on instance 1; the time from sending the request to the `licence.share.created` event on streams held on instances 2 and 3 (outbox + LISTEN/NOTIFY). ' +
      'On a 2-core machine three instances, nginx, PostgreSQL and the load generator share the same two cores, so more instances cannot add CPU: the ratio shows the cost of the proxy and of spreading, not the scale-out a machine per instance gives.',
    rows: [
      ['reads, 1 instance', `${Math.round(single.rps)} req/s (p99 ${fmtMs(single.p99)})`],
      ['reads, 3 instances', `${Math.round(triple.rps)} req/s (p99 ${fmtMs(triple.p99)})`],
      ['ratio 3 / 1 instances', `${(triple.rps / single.rps).toFixed(2)}×`],
      ['event across instances p50', fmtMs(percentile(latencies, 50))],
      ['event across instances p99', fmtMs(percentile(latencies, 99))],
    ],
  };
};
