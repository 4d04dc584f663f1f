import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context';
import { annualReports, companies } from '../db/schema';
import { annualReportWindow, owedReportYears } from '../../shared/lifecycle/annual-report';
import { defaultWithheld, type AnnualReportContent } from '../../shared/lifecycle/annual-report-fields';
import { chinaToday } from '../../shared/time/china';
import { demoCompanies } from './demo-data';

/** Invented figures for a demo report (synthetic, stable per company and year). */
const demoContent = (c: typeof companies.$inferSelect, year: number, i: number): AnnualReportContent => {
  const scale = (i + 1) * 100_000 + (year % 10) * 10_000;
  return {
    address: c.address,
    postcode: c.divisionCode.startsWith('4403') ? '518000' : '510000',
    phone: `020-3888${String(1000 + i).slice(-4)}`,
    email: `office${i + 1}@example.cn`,
    operatingStatus: 'operating',
    websites: [],
    investments: [],
    shareholders: [],
    equityTransfers: [],
    headcount: 5 + i * 3,
    totalAssets: `${scale * 4}.00`,
    totalLiabilities: `${scale}.00`,
    guaranteesGiven: '0.00',
    ownersEquity: `${scale * 3}.00`,
    totalRevenue: `${scale * 6}.00`,
    mainBusinessRevenue: `${scale * 5}.00`,
    totalProfit: `${scale / 2}.00`,
    netProfit: `${(scale / 2) * 0.75}.00`,
    totalTaxPaid: `${scale / 5}.00`,
    socialInsurance: {
      pension: 5 + i * 3,
      unemployment: 5 + i * 3,
      medical: 5 + i * 3,
      workInjury: 5 + i * 3,
      maternity: 5 + i * 3,
    },
  };
};

/**
 * The demo companies have filed every annual report whose window has closed, so nobody in the
 * sandbox starts on the abnormal list; the year whose window is open now is left for the demo.
 * Idempotent: a year already filed is skipped.
 */
export const seedDemoAnnualReports = async (ctx: AppContext): Promise<void> => {
  const today = chinaToday(ctx.now());
  const rows = await ctx.db
    .select()
    .from(companies)
    .where(
      inArray(
        companies.uscc,
        demoCompanies.map((c) => c.uscc),
      ),
    );
  await ctx.db.transaction(async (tx) => {
    for (const [i, c] of rows.entries()) {
      for (const year of owedReportYears(c.establishedOn, today)) {
        const window = annualReportWindow(year);
        if (today <= window.closesOn) continue;
        const [existing] = await tx
          .select({ id: annualReports.id })
          .from(annualReports)
          .where(and(eq(annualReports.companyId, c.id), eq(annualReports.reportYear, year)));
        if (existing) continue;
        await tx.insert(annualReports).values({
          companyId: c.id,
          reportYear: year,
          version: 1,
          content: demoContent(c, year, i),
          withheld: defaultWithheld(),
          late: false,
          filedByPersonId: c.legalRepPersonId,
          actingAs: 'legal-representative',
          filedAt: new Date(`${year + 1}-05-20T02:00:00Z`),
        });
      }
    }
  });
};

/**
 * Every report whose window has closed, on file for the given companies (synthetic firm clients):
 * set-based, a few thousand rows per statement. For companies with no report yet (a fresh seed).
 */
export const seedFiledAnnualReports = async (
  ctx: AppContext,
  companyIds: readonly string[],
): Promise<void> => {
  const today = chinaToday(ctx.now());
  for (let start = 0; start < companyIds.length; start += 500) {
    const rows = await ctx.db
      .select()
      .from(companies)
      .where(inArray(companies.id, companyIds.slice(start, start + 500)));
    const values = rows.flatMap((c, i) =>
      owedReportYears(c.establishedOn, today)
        .filter((year) => today > annualReportWindow(year).closesOn)
        .map((year) => ({
          companyId: c.id,
          reportYear: year,
          version: 1,
          content: demoContent(c, year, (start + i) % 50),
          withheld: defaultWithheld(),
          late: false,
          filedByPersonId: c.legalRepPersonId,
          actingAs: 'legal-representative' as const,
          filedAt: new Date(`${year + 1}-05-20T02:00:00Z`),
        })),
    );
    for (let j = 0; j < values.length; j += 1_000)
      await ctx.db.insert(annualReports).values(values.slice(j, j + 1_000));
  }
};
