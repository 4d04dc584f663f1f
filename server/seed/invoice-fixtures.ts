import { writeSheet } from '../xlsx/write';
import { syntheticUscc } from '../../shared/identifiers/generate';
import { intBetween, seededRandom } from '../../shared/identifiers/seeded-random';
import { TaxDecimal, round2 } from '../../shared/tax/money';
import { periodMonths, type TaxPeriod } from '../../shared/tax/period';
import { daysInMonth, isoDate } from '../../shared/calendar/iso-date';
import { INVOICE_EXPORT_HEADERS, type InvoiceHeader } from '../modules/tax';
import { SUMMARY_SHEET } from '../modules/tax';

/*
 * Synthetic 全量发票查询 exports for tests, e2e and benchmarks. Every company is invented and every
 * identifier is computed (valid check characters); the same options always give the same file.
 */

export type FixtureCompany = { uscc: string; name: string };

export type InvoiceFixtureOptions = {
  company: FixtureCompany;
  /** Data rows (invoice lines) to write; invoices get 1–3 lines each. */
  rows: number;
  seed?: number;
  /** Issue dates fall inside this period; default 2026 Q1. */
  period?: TaxPeriod;
  /** Which rates the company's own (issued) invoices carry; default small-scale. */
  taxpayerType?: 'small-scale' | 'general';
  /** Share of lines on invoices the company received; default 0.3. */
  receivedShare?: number;
  /** Multiplies every amount (e.g. 10 for a period with ten times the sales); default 1. */
  amountScale?: number;
};

const NAMES = ['星河', '云帆', '青禾', '远山', '明川', '启航', '瑞丰', '嘉禾', '松柏', '海棠'];
const TRADES = ['贸易', '科技', '信息技术', '商务咨询', '餐饮管理', '建材'];

/** An invented company with a valid USCC; `seed` picks it. */
export const fixtureCompany = (seed: number, division = '440305'): FixtureCompany => ({
  uscc: syntheticUscc(seed, division),
  name: `${NAMES[seed % NAMES.length]}${TRADES[seed % TRADES.length]}有限公司（测试）`,
});

type RateChoice = { rate: string; special: boolean; weight: number };
const ISSUED: Record<'small-scale' | 'general', RateChoice[]> = {
  'small-scale': [
    { rate: '1%', special: false, weight: 6 },
    { rate: '1%', special: true, weight: 2 },
    { rate: '3%', special: true, weight: 1 },
    { rate: '免税', special: false, weight: 1 },
  ],
  general: [
    { rate: '13%', special: true, weight: 5 },
    { rate: '13%', special: false, weight: 2 },
    { rate: '9%', special: true, weight: 1 },
    { rate: '6%', special: true, weight: 2 },
  ],
};
const RECEIVED: RateChoice[] = [
  { rate: '13%', special: true, weight: 4 },
  { rate: '6%', special: true, weight: 2 },
  { rate: '3%', special: true, weight: 1 },
  { rate: '1%', special: false, weight: 2 },
];
const ITEMS = [
  '*信息技术服务*软件维护',
  '*现代服务*咨询服务',
  '*纸制品*复印纸',
  '*餐饮服务*餐费',
  '*计算机配套产品*键盘',
];

/** Element `i`, for lists that are never empty. */
const at = <T>(list: readonly T[], i: number): T => {
  const v = list[i];
  if (v === undefined) throw new RangeError(`No element ${i}`);
  return v;
};

const pick = <T extends { weight: number }>(next: () => number, choices: readonly T[]): T => {
  let r = next() * choices.reduce((a, c) => a + c.weight, 0);
  for (const c of choices) {
    r -= c.weight;
    if (r < 0) return c;
  }
  return at(choices, choices.length - 1);
};

const two = (n: number): string => String(n).padStart(2, '0');

/** Header row plus `rows` data rows, every cell as text in the export's column order. */
export const makeInvoiceRows = (options: InvoiceFixtureOptions): string[][] => {
  const next = seededRandom(options.seed ?? 1);
  const period = options.period ?? { type: 'quarter', year: 2026, quarter: 1 };
  const months = periodMonths(period);
  const partners = Array.from({ length: 12 }, (_, i) => fixtureCompany(1000 + i, '440106'));
  const receivedShare = options.receivedShare ?? 0.3;
  const out: string[][] = [[...INVOICE_EXPORT_HEADERS]];
  let serial = 0;
  for (let invoice = 1; out.length <= options.rows; invoice += 1) {
    const received = next() < receivedShare;
    const partner = at(partners, intBetween(next, 0, partners.length - 1));
    const [seller, buyer] = received ? [partner, options.company] : [options.company, partner];
    const choice = pick(next, received ? RECEIVED : ISSUED[options.taxpayerType ?? 'small-scale']);
    const month = at(months, intBetween(next, 0, months.length - 1));
    const day = intBetween(next, 1, daysInMonth(period.year, month));
    const issuedAt = `${isoDate(period.year, month, day)} ${two(intBetween(next, 8, 18))}:${two(intBetween(next, 0, 59))}:${two(intBetween(next, 0, 59))}`;
    // 数电发票号码: 2-digit year, 2-digit region, 1-digit channel, 15-digit sequence.
    const number = `${String(period.year).slice(2)}442${String(invoice + (options.seed ?? 1) * 1_000_000).padStart(15, '0')}`;
    const lineCount = Math.min(intBetween(next, 1, 3), options.rows + 1 - out.length);
    for (let l = 0; l < lineCount; l += 1) {
      serial += 1;
      const amount = new TaxDecimal(intBetween(next, 10_000, 2_000_000))
        .times(options.amountScale ?? 1)
        .dividedBy(100);
      const pct = choice.rate.endsWith('%')
        ? new TaxDecimal(choice.rate.slice(0, -1)).dividedBy(100)
        : new TaxDecimal(0);
      const tax = round2(amount.times(pct));
      const quantity = intBetween(next, 1, 20);
      const cells: Record<InvoiceHeader, string> = {
        序号: String(serial),
        发票代码: '',
        发票号码: '',
        数电发票号码: number,
        销方识别号: seller.uscc,
        销方名称: seller.name,
        购方识别号: buyer.uscc,
        购买方名称: buyer.name,
        开票日期: issuedAt,
        税收分类编码: '3040201990000000000',
        特定业务类型: '',
        货物或应税劳务名称: at(ITEMS, intBetween(next, 0, ITEMS.length - 1)),
        规格型号: '',
        单位: '项',
        数量: String(quantity),
        单价: amount.dividedBy(quantity).toDecimalPlaces(6).toString(),
        金额: amount.toFixed(2),
        税率: choice.rate,
        税额: tax.toFixed(2),
        价税合计: amount.plus(tax).toFixed(2),
        发票来源: '电子发票服务平台',
        发票票种: choice.special ? '数电发票（增值税专用发票）' : '数电发票（普通发票）',
        发票状态: '正常',
        是否正数发票: '是',
        发票风险等级: '正常',
        开票人: '测试开票员',
        备注: '',
      };
      out.push(INVOICE_EXPORT_HEADERS.map((h) => cells[h]));
    }
  }
  return out;
};

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const rowsToCsv = (rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): Buffer =>
  Buffer.from(
    `${options.bom ? '\uFEFF' : ''}${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`,
    'utf8',
  );

const NUMERIC: ReadonlySet<string> = new Set(['金额', '税额', '价税合计', '数量']);

/** An .xlsx with the sheet 信息汇总表; amounts as numeric cells like the bureau's export. */
export const rowsToXlsx = async (
  rows: readonly (readonly string[])[],
  sheetName = SUMMARY_SHEET,
): Promise<Buffer> => {
  const header = rows[0] ?? [];
  return writeSheet({
    name: sheetName,
    rows: rows.map((row) =>
      row.map((cell, i) =>
        row !== header && NUMERIC.has(header[i] ?? '') && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell,
      ),
    ),
  });
};

export const makeInvoiceCsv = (options: InvoiceFixtureOptions & { bom?: boolean }): Buffer =>
  rowsToCsv(makeInvoiceRows(options), { bom: options.bom ?? true });

export const makeInvoiceXlsx = (options: InvoiceFixtureOptions): Promise<Buffer> =>
  rowsToXlsx(makeInvoiceRows(options));
