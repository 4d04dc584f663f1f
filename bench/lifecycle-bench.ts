import { eq, sql } from 'drizzle-orm';
import { companies } from '../server/db/schema';
import { prefillReport } from '../server/modules/annual-reports/prefill';
import { gatherFacts } from '../server/modules/deregistration/facts';
import { renderPdf } from '../server/pdf/document';
import { demoCompanies } from '../server/seed/demo-data';
import { seedDemoAnnualReports } from '../server/seed/annual-reports';
import { generateIssuerKeyPair } from '../shared/licences/signing';
import { buildSealCms } from '../shared/seals/cms';
import { sealPdf } from '../shared/seals/pdf-sign';
import { findSealSignatures } from '../shared/seals/pdf-verify';
import { chinaToday, chinaYear } from '../shared/time/china';
import { fmtMs, type Section } from './report';
import { benchContext, pct } from './support';

const time = async (runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
};

/**
 * Company lifecycle (issue 14, closing side): annual report prefill for a demo company with
 * earlier years on file, the deregistration eligibility check, and sealing / verifying a PDF.
 * Batch annual reports for 1,000 clients are the section `annual-batch` (bench/annual-batch-bench.ts).
 */
export const lifecycleBenchSection = async (quick = process.argv.includes('--quick')): Promise<Section> => {
  const runs = quick ? 5 : 30;
  const platform = await benchContext();
  try {
    const { ctx } = platform;
    const tech = demoCompanies.find((c) => c.key === 'yunfan-tech')!;
    const [company] = await ctx.db.select().from(companies).where(eq(companies.uscc, tech.uscc));
    if (!company) throw new Error('demo company missing');
    // Every report whose window has closed on file (the sandbox seeds none), and the report
    // prefilled is this year's: the one due next, with the earlier years to read from.
    await seedDemoAnnualReports(ctx);
    const year = chinaYear(ctx.now());
    // "A company with two years of data": the reports and tax returns on file, counted in the row.
    const [onFile] = (
      (await ctx.db.execute(sql`
        select (select count(distinct report_year) from annual_reports where company_id = ${company.id}) as years,
               (select count(*) from tax_returns where company_id = ${company.id}) as returns`)) as unknown as {
        rows: { years: number; returns: number }[];
      }
    ).rows;
    const prefill = await time(runs, () => prefillReport(ctx, ctx.db, company, year, false));
    const eligibility = await time(runs, () => gatherFacts(ctx.db, company, chinaToday(ctx.now())));
    const pdf = new Uint8Array(
      await renderPdf((w) => {
        w.title('股东会决议', 'Resolution');
        for (let i = 0; i < 40; i++) w.paragraph('全体股东一致同意本决议所列事项。');
      }),
    );
    const key = generateIssuerKeyPair();
    const at = new Date();
    const sign = () =>
      sealPdf({
        pdf,
        placement: { page: 1, x: 380, y: 80, size: 120 },
        sealCode: '4401060012345',
        fieldName: 'Seal1',
        signedAt: at,
        cms: (digestHex) =>
          buildSealCms({
            digestHex,
            signedAt: at,
            statement: {
              sealId: 'bench',
              sealName: '广州市云帆信息科技有限公司',
              holderUscc: tech.uscc,
              signatureId: '00000000-0000-4000-8000-000000000000',
              signer: { name: '陈志明', residentIdMasked: '4401**********0011' },
              page: 1,
              rect: [380, 80, 500, 200],
              publicKeyHex: key.publicKeyHex,
            },
            privateKeyHex: key.privateKeyHex,
            publicKeyHex: key.publicKeyHex,
          }),
      });
    const signing = await time(runs, sign);
    const signed = sign().pdf;
    const verifying = await time(runs, () => {
      const [s] = findSealSignatures(signed);
      return s?.cms?.verifies(key.publicKeyHex);
    });
    const row = (xs: number[]): string => `${fmtMs(pct(xs, 50))} / ${fmtMs(pct(xs, 95))}`;
    return {
      title: 'Company lifecycle: annual report prefill, deregistration check, e-seal signing',
      method: `${runs} runs each on in-memory PGlite with the demo sandbox: prefillReport for 云帆信息科技 (${year}, earlier years and tax returns on file); the simplified-deregistration facts (lists, tax clearance, open applications, flags); sealPdf + GM/T 0010 CMS (SM2/SM3) on a ${Math.round(pdf.length / 1024)} KiB platform PDF, and the offline check of the signature (digest + SM2).`,
      rows: [
        [
          `annual report prefill (${onFile?.years ?? 0} years of reports, ${onFile?.returns ?? 0} tax returns on file) p50 / p95`,
          row(prefill),
        ],
        ['deregistration eligibility p50 / p95', row(eligibility)],
        ['seal a PDF (incremental update + SM2) p50 / p95', row(signing)],
        ['verify a sealed PDF offline p50 / p95', row(verifying)],
        ['batch annual reports, 1,000 clients', 'see the section “Batch annual reports” (annual-batch)'],
      ],
    };
  } finally {
    await platform.close();
  }
};
