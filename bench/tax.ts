// Timing of the tax engine and of invoice imports for the benchmark script (never asserted in tests).
import { eq } from 'drizzle-orm';
import { calculate } from '../shared/tax/calculate';
import { companies } from '../server/db/schema';
import { benchContext } from './support';
import { demoCompanies } from '../server/seed/demo-data';
import { makeInvoiceCsv, makeInvoiceXlsx } from '../server/seed/invoice-fixtures';
import { parseInvoiceFile } from '../server/modules/tax/invoice-import';
import { importInvoices } from '../server/modules/tax/invoices';

const q = (quarter: number) => ({ type: 'quarter' as const, year: 2026, quarter });

/** One request of each kind, with figures that exercise the reliefs. */
export const ENGINE_REQUESTS: readonly unknown[] = [
  {
    kind: 'vat-small-scale',
    period: q(2),
    sales: { general1pct: '320000', special3pct: '5000.55' },
    deduction: '1000',
  },
  {
    kind: 'vat-general',
    salesByRate: { '13': '1000000', '6': '25000.10' },
    inclusiveSalesByRate: { '9': '109000' },
    inputTax: '80000',
  },
  {
    kind: 'surcharges',
    vatPaid: '3200',
    location: 'urban',
    periodType: 'quarter',
    periodSales: '320000',
    sixTaxesHalf: true,
  },
  {
    kind: 'cit-annual',
    taxYear: 2026,
    taxableIncome: '2660000',
    avgHeadcount: 48,
    avgTotalAssets: '12000000',
  },
  {
    kind: 'cit-prepay',
    taxYear: 2026,
    quarter: 3,
    cumulativeProfit: '600000',
    prepaidThisYear: '15000',
    headcountByQuarter: [
      ['20', '24'],
      ['24', '26'],
      ['26', '30'],
    ],
    assetsByQuarter: [
      ['3000000', '3200000'],
      ['3200000', '3300000'],
      ['3300000', '3500000'],
    ],
  },
];

export type EngineBenchResult = {
  calculationsPerSecond: number;
  perKind: Record<string, number>;
  iterations: number;
};

/** calculate() calls per second, overall (round-robin over the kinds) and per kind, for `ms` each. */
export const benchTaxEngine = (ms = 1500): EngineBenchResult => {
  const rate = (requests: readonly unknown[]): { perSecond: number; n: number } => {
    for (let i = 0; i < 2000; i += 1) calculate(requests[i % requests.length]);
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      for (let i = 0; i < 100; i += 1) calculate(requests[(n + i) % requests.length]);
      n += 100;
    }
    return { perSecond: Math.round((n * 1000) / (performance.now() - t0)), n };
  };
  const all = rate(ENGINE_REQUESTS);
  const perKind = Object.fromEntries(
    ENGINE_REQUESTS.map((r) => [(r as { kind: string }).kind, rate([r]).perSecond] as const),
  );
  return { calculationsPerSecond: all.perSecond, perKind, iterations: all.n };
};

export type ImportBenchResult = {
  rows: number;
  format: 'csv' | 'xlsx';
  fileBytes: number;
  parseMs: number;
  /** Parse, store every line in batches, report; on an in-memory PGlite with the demo seed. */
  importMs: number;
  linesStored: number;
  /** Highest resident set size seen during the import, and its rise over the start. */
  peakRssMb: number;
  rssRiseMb: number;
  heapRiseMb: number;
};

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

/** Import of a `rows`-line 全量发票查询 export: parse alone, then the whole import into the database. */
export const benchInvoiceImport = async (
  rows = 10_000,
  format: 'csv' | 'xlsx' = 'csv',
): Promise<ImportBenchResult> => {
  const demo = demoCompanies.find((c) => c.key === 'yunfan-tech');
  if (!demo) throw new Error('demo company missing');
  const options = { company: { uscc: demo.uscc, name: demo.name }, rows, seed: 11, period: q(3) };
  const file = format === 'csv' ? makeInvoiceCsv(options) : await makeInvoiceXlsx(options);
  const name = `bench.${format}`;

  const p0 = performance.now();
  await parseInvoiceFile(file, name, demo.uscc);
  const parseMs = performance.now() - p0;

  const { ctx, close } = await benchContext();
  try {
    const [c] = await ctx.db.select().from(companies).where(eq(companies.uscc, demo.uscc));
    if (!c) throw new Error('seeded company missing');
    const authority = {
      allowed: true as const,
      personId: c.legalRepPersonId,
      companyId: c.id,
      actingAs: 'legal-representative' as const,
    };
    const body = { fileName: name, contentBase64: file.toString('base64') };
    global.gc?.();
    const start = process.memoryUsage();
    let peak = start.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const t0 = performance.now();
    const report = await ctx.db.transaction((tx) => importInvoices(tx, ctx, authority, body));
    const importMs = performance.now() - t0;
    clearInterval(sampler);
    const end = process.memoryUsage();
    peak = Math.max(peak, end.rss);
    return {
      rows,
      format,
      fileBytes: file.length,
      parseMs: Math.round(parseMs),
      importMs: Math.round(importMs),
      linesStored: report.importedCount,
      peakRssMb: mb(peak),
      rssRiseMb: mb(peak - start.rss),
      heapRiseMb: mb(end.heapUsed - start.heapUsed),
    };
  } finally {
    await close();
  }
};

/** The tax section of docs/PERFORMANCE.md (bench/features.ts: `{ name: 'tax', fn: taxBenchSection }`). */
export const taxBenchSection = async (): Promise<{
  title: string;
  method: string;
  rows: [string, string][];
}> => {
  const engine = benchTaxEngine();
  const csv = await benchInvoiceImport(10_000, 'csv');
  const xlsx = await benchInvoiceImport(10_000, 'xlsx');
  const importRows = (r: ImportBenchResult): [string, string][] => [
    [`import ${r.rows} rows ${r.format} (${mb(r.fileBytes)} MB): parse`, `${r.parseMs} ms`],
    [
      `import ${r.rows} rows ${r.format}: parse + store + report`,
      `${r.importMs} ms (${r.linesStored} lines)`,
    ],
    [
      `import ${r.rows} rows ${r.format}: memory`,
      `peak RSS ${r.peakRssMb} MB (+${r.rssRiseMb} MB), heap +${r.heapRiseMb} MB`,
    ],
  ];
  return {
    title: 'Tax engine and invoice import',
    method:
      'calculate() round-robin over the five kinds for 1.5 s (after warm-up), then each kind alone. Invoice import: a synthetic 全量发票查询 export of 10,000 lines, parsed, then imported into an in-memory PGlite with the demo seed (lines stored in batches of 1,000 in one transaction).',
    rows: [
      ['engine calculations per second (mixed)', engine.calculationsPerSecond.toLocaleString('en')],
      ...Object.entries(engine.perKind).map(([k, v]): [string, string] => [
        `engine ${k} per second`,
        v.toLocaleString('en'),
      ]),
      ...importRows(csv),
      ...importRows(xlsx),
    ],
  };
};
