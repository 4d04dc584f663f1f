import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { buildApp } from '../server/app';
import type { AppContext } from '../server/context';
import { benchContext } from './support';
import { companies } from '../server/db/schema';
import { DEMO_PASSWORD, demoCompanies, demoPeople } from '../server/seed/demo-data';
import { sampleLicence } from '../shared/licences/testing';
import { generateIssuerKeyPair, signLicence } from '../shared/licences/signing';
import { verifyLicence } from '../shared/licences/verify';
import { issueLicence } from '../server/modules/licences/issue';
import { ensureIssuerKeys } from '../server/modules/licences/key-ring';

/**
 * Benchmarks for the lead's bench script (`npm run bench`); never timed assertions in tests.
 * Each returns figures; `runLicenceBenches` runs all three on a fresh in-memory platform.
 */
export type BenchFigure = { name: string; value: number; unit: string; detail: string };

/** Offline verification (SM3 digest + SM2 verify + checks) of one licence, repeated. */
export const benchSm2Verify = (iterations = 500): BenchFigure => {
  const key = generateIssuerKeyPair();
  const signed = signLicence(sampleLicence(), key.privateKeyHex, 'bench-key', {
    publicKeyHex: key.publicKeyHex,
  });
  const ctx = {
    issuers: [{ keyId: 'bench-key', issuerKey: 'gz-amr', publicKeyHex: key.publicKeyHex }],
    revoked: () => false,
    now: new Date().toISOString(),
  };
  for (let i = 0; i < 10; i++) verifyLicence(signed, ctx); // warm up (and precompute the key's table)
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++)
    if (verifyLicence(signed, ctx).verdict !== 'valid') throw new Error('bench licence did not verify');
  const seconds = (performance.now() - t0) / 1000;
  return {
    name: 'licence SM2 verifications',
    value: iterations / seconds,
    unit: 'per second',
    detail: `${iterations} in ${seconds.toFixed(2)} s, one thread`,
  };
};

/** Issuance through `issueLicence` (serial, field check, SM2 sign, insert, audit), one transaction each. */
export const benchIssuance = async (
  ctx: AppContext,
  companyId: string,
  count = 100,
): Promise<BenchFigure> => {
  await ensureIssuerKeys(ctx);
  const issue = () =>
    ctx.db.transaction((tx) =>
      issueLicence(tx, ctx, {
        typeKey: 'tax-payment-certificate',
        holder: { companyId },
        fields: (serial) => ({
          certificateNumber: serial,
          taxpayerName: 'bench',
          taxItems: ['增值税'],
          taxPeriod: '2026-10',
          amount: '100.00',
          paidOn: '2026-11-01',
        }),
      }),
    );
  await issue();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await issue();
  const seconds = (performance.now() - t0) / 1000;
  return {
    name: 'licence issuance',
    value: count / seconds,
    unit: 'per second',
    detail: `${count} in ${seconds.toFixed(2)} s (${ctx.dbKind})`,
  };
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** GET the wallet of a company holding `size` licences, through the whole HTTP stack (inject). */
export const benchWalletApi = async (
  ctx: AppContext,
  companyId: string,
  requests = 50,
): Promise<BenchFigure[]> => {
  const app = await buildApp(ctx, { logger: false, rateLimit: false });
  await app.ready();
  try {
    const chen = demoPeople.find((p) => p.key === 'chen')!;
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: chen.phone, password: DEMO_PASSWORD },
    });
    const headers = { authorization: `Bearer ${(signIn.json() as { token: string }).token}` };
    const url = `/api/v1/companies/${companyId}/licences`;
    const first = await app.inject({ method: 'GET', url, headers });
    const size = (first.json() as { licences: unknown[] }).licences.length;
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`wallet answered ${res.statusCode}`);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const detail = `${size} licences, ${requests} requests, ${Math.round(first.rawPayload.length / 1024)} KiB each`;
    return [
      { name: 'wallet API p50', value: percentile(times, 0.5), unit: 'ms', detail },
      { name: 'wallet API p95', value: percentile(times, 0.95), unit: 'ms', detail },
    ];
  } finally {
    await app.close();
  }
};

/** All three on a fresh in-memory PGlite with the demo sandbox and a wallet of `walletSize` licences. */
export const runLicenceBenches = async (
  options: { walletSize?: number; verifications?: number; issuances?: number } = {},
): Promise<BenchFigure[]> => {
  const { ctx, close } = await benchContext();
  try {
    const demo = demoCompanies.find((c) => c.key === 'yunfan-tech')!;
    const [company] = await ctx.db
      .select({ id: companies.id })
      .from(companies)
      .where(eq(companies.uscc, demo.uscc));
    const companyId = company!.id;
    const figures = [benchSm2Verify(options.verifications ?? 500)];
    const issuances = options.issuances ?? 100;
    figures.push(await benchIssuance(ctx, companyId, issuances));
    const walletSize = options.walletSize ?? 200;
    const more = Math.max(0, walletSize - (issuances + 1));
    if (more > 0) await benchIssuance(ctx, companyId, more - 1);
    figures.push(...(await benchWalletApi(ctx, companyId)));
    return figures;
  } finally {
    await close();
  }
};
