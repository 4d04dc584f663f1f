import { type LocalizedText, text } from '../text';
import {
  INVOICE_RATES,
  type InvoiceLine,
  type InvoiceSummary,
  type InvoiceTotal,
  type UnmappedTotal,
} from './invoices';
import { formatMoney, sum, type TaxDecimal, TaxDecimal as D } from './money';
import { periodContains, type TaxPeriod } from './period';

type Bucket = Omit<InvoiceTotal, 'amount' | 'tax'> & { amount: TaxDecimal; tax: TaxDecimal };

const show = (b: Bucket): InvoiceTotal => ({
  ...b,
  amount: formatSigned(b.amount),
  tax: formatSigned(b.tax),
});

/** Like formatMoney but keeps the sign: red lines may leave a net negative. */
const formatSigned = (d: TaxDecimal): string =>
  d.isNegative() && !d.isZero() ? `-${formatMoney(d.negated())}` : formatMoney(d);

const GENERAL_RATES = ['13', '9', '6', '0'];

type SmallScaleField = 'general1pct' | 'special1pct' | 'special3pct' | 'realEstate5pct';

/** Where an issued total goes on the small-scale return, or why it goes nowhere. */
const smallScaleField = (t: Bucket, realEstate: boolean): SmallScaleField | LocalizedText => {
  if (t.rate === '1') return t.kind === 'special' ? 'special1pct' : 'general1pct';
  // 免税 ordinary invoices are the small-scale exemption itself: sales that join the threshold test.
  if (t.rate === 'exempt' && t.kind === 'ordinary') return 'general1pct';
  if (t.rate === '3' && t.kind === 'special') return 'special3pct';
  if (t.rate === '5' && realEstate) return 'realEstate5pct';
  if (t.rate === '5') {
    return text(
      '5% 征收率的非不动产销售（如不动产租赁）需单独申报',
      '5% sales other than real estate (e.g. leases) are filed separately',
    );
  }
  if (t.rate === '3') {
    return text(
      '3% 普通发票不在减按1%的范围内，请核对',
      'Ordinary invoices at 3% fall outside the 1% reduction; check them',
    );
  }
  return text(
    '该税率不在小规模纳税人申报表的预填范围内',
    'This rate is not pre-filled on the small-scale return',
  );
};

const generalReason = (): LocalizedText =>
  text(
    '简易计税、免税或不征税项目需在附表中单独填写',
    'Simplified-method, exempt and non-taxable items are filed on their own schedule',
  );

/**
 * Totals of one period's lines by direction × rate × kind, mapped onto the return fields. The
 * mapping is a pre-fill: the person filing confirms it, and the engine recomputes the tax.
 * Input tax counts every received special invoice; whether it was confirmed for deduction
 * (勾选确认) is not in the export.
 */
export const summarizeInvoices = (lines: readonly InvoiceLine[], period: TaxPeriod): InvoiceSummary => {
  const inPeriod = lines.filter((l) => periodContains(period, l.issueDate));
  const buckets = new Map<string, Bucket>();
  // Real-estate sales are split from other 5% items by their 特定业务类型.
  const realEstateKeys = new Set<string>();
  for (const l of inPeriod) {
    const realEstate = l.rate === '5' && /不动产销售|销售不动产/.test(l.specialBusiness);
    const key = `${l.direction}|${l.rate}|${l.kind}|${realEstate ? 're' : ''}`;
    const b = buckets.get(key) ?? {
      direction: l.direction,
      rate: l.rate,
      kind: l.kind,
      amount: new D(0),
      tax: new D(0),
      lineCount: 0,
    };
    b.amount = b.amount.plus(l.amount);
    b.tax = b.tax.plus(l.tax);
    b.lineCount += 1;
    buckets.set(key, b);
    if (realEstate) realEstateKeys.add(key);
  }
  const order = (b: Bucket): number =>
    (b.direction === 'issued' ? 0 : 100) + INVOICE_RATES.indexOf(b.rate) * 2 + (b.kind === 'special' ? 0 : 1);
  const entries = [...buckets.entries()].sort(([, a], [, b]) => order(a) - order(b));

  const small: Record<SmallScaleField, TaxDecimal[]> = {
    general1pct: [],
    special1pct: [],
    special3pct: [],
    realEstate5pct: [],
  };
  const smallUnmapped: UnmappedTotal[] = [];
  const byRate: Record<string, TaxDecimal[]> = {};
  const generalUnmapped: UnmappedTotal[] = [];
  const inputTax: TaxDecimal[] = [];
  for (const [key, b] of entries) {
    if (b.direction === 'received') {
      if (b.kind === 'special') inputTax.push(b.tax);
      continue;
    }
    const field = smallScaleField(b, realEstateKeys.has(key));
    if (typeof field === 'string') small[field].push(b.amount);
    else smallUnmapped.push({ ...show(b), reason: field });
    if (GENERAL_RATES.includes(b.rate)) (byRate[b.rate] ??= []).push(b.amount);
    else generalUnmapped.push({ ...show(b), reason: generalReason() });
  }

  const smallSales = {
    general1pct: formatSigned(sum(small.general1pct)),
    special1pct: formatSigned(sum(small.special1pct)),
    special3pct: formatSigned(sum(small.special3pct)),
    realEstate5pct: formatSigned(sum(small.realEstate5pct)),
  };
  const salesByRate = Object.fromEntries(
    Object.entries(byRate).map(([rate, v]) => [rate, formatSigned(sum(v))]),
  );
  const warnings = [
    ...Object.entries(smallSales).map(([f, v]) => [`smallScale.sales.${f}`, v] as const),
    ...Object.entries(salesByRate).map(([r, v]) => [`general.salesByRate.${r}`, v] as const),
  ]
    .filter(([, v]) => v.startsWith('-'))
    .map(([field]) => ({
      code: 'NEGATIVE_NET_SALES',
      field,
      text: text(
        '本期红字发票金额超过蓝字发票，净销售额为负数，需通过更正申报处理',
        'Red-letter invoices exceed blue ones this period; a negative net belongs to a correction',
      ),
    }));

  // Aggregate identical (direction, rate, kind) buckets split only by the real-estate flag.
  const totals = new Map<string, Bucket>();
  for (const [, b] of entries) {
    const key = `${b.direction}|${b.rate}|${b.kind}`;
    const t = totals.get(key);
    totals.set(
      key,
      t
        ? {
            ...t,
            amount: t.amount.plus(b.amount),
            tax: t.tax.plus(b.tax),
            lineCount: t.lineCount + b.lineCount,
          }
        : { ...b },
    );
  }

  return {
    period,
    lineCount: inPeriod.length,
    totals: [...totals.values()].map(show),
    smallScale: { sales: smallSales, unmapped: smallUnmapped },
    general: { salesByRate, inputTax: formatSigned(sum(inputTax)), unmapped: generalUnmapped },
    warnings,
  };
};
