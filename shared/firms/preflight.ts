import Decimal from 'decimal.js';
import { periodLabel, type TaxPeriod } from '../tax/period';
import { text, type LocalizedText } from '../text';

/** What a batch files: nil returns, or small-scale VAT + surcharges prepared from invoices. */
export type PreflightKind = 'zero' | 'invoice';

/** The facts one client is checked on before a batch files for it (all dates China calendar dates). */
export type PreflightFacts = {
  kind: PreflightKind;
  period: TaxPeriod;
  today: string;
  periodEnd: string;
  /** The filing deadline of the period. */
  deadline: string;
  /** The form's taxpayer type (a nil VAT return fits either). */
  formTaxpayerType: 'small-scale' | 'general' | 'any';
  taxpayerType: 'small-scale' | 'general';
  /** Net issued sales on file for the period (decimal string), undefined when no invoice line. */
  sales: string | undefined;
  /** The same for the period before. */
  lastSales: string | undefined;
  /** A return beyond a draft for this period. */
  filed: 'accepted' | 'submitted' | undefined;
  /** The end (China date) of the firm's authorization covering tax filing (null: open-ended), undefined when none is in force. */
  delegationUntil: string | null | undefined;
  /** Sales above `lastSales × factor` are flagged (configurable; default 3). */
  jumpFactor: string;
};

export type PreflightFinding = {
  code: string;
  reason: LocalizedText;
  /** Whether a person may file anyway with a note (audited); false where the bureau would refuse. */
  overridable: boolean;
};

export type PreflightRule = {
  code: string;
  kinds: readonly PreflightKind[];
  overridable: boolean;
  check: (f: PreflightFacts) => LocalizedText | null;
};

const label = (f: PreflightFacts) => periodLabel(f.period);

/**
 * The checks, in the order they are shown. Rules the tax bureau enforces itself (period not over,
 * a return already in, a nil return with sales, the wrong form, no authority) cannot be overridden;
 * the judgement calls (a sales jump, an authorization ending before the deadline) can, with a note.
 */
export const PREFLIGHT_RULES: readonly PreflightRule[] = [
  {
    code: 'PERIOD_NOT_ENDED',
    kinds: ['zero', 'invoice'],
    overridable: false,
    check: (f) =>
      f.periodEnd >= f.today
        ? text(`${label(f).zh}尚未结束，期满后才能申报。`, `${label(f).en} has not ended yet.`)
        : null,
  },
  {
    code: 'ALREADY_FILED',
    kinds: ['zero', 'invoice'],
    overridable: false,
    check: (f) =>
      f.filed
        ? text(
            `${label(f).zh}已有申报（${f.filed === 'accepted' ? '已受理' : '已提交'}），如需修改请更正申报。`,
            `A return for ${label(f).en} is already ${f.filed}; correct it instead.`,
          )
        : null,
  },
  {
    code: 'HAS_SALES',
    kinds: ['zero'],
    overridable: false,
    check: (f) =>
      f.sales !== undefined
        ? text(
            `${label(f).zh}有开票记录（销售额 ${f.sales} 元），不能零申报。`,
            `Invoices are on file for ${label(f).en} (sales ${f.sales} yuan): no nil return.`,
          )
        : null,
  },
  {
    code: 'WRONG_TAXPAYER_TYPE',
    kinds: ['zero', 'invoice'],
    overridable: false,
    check: (f) =>
      f.formTaxpayerType !== 'any' && f.formTaxpayerType !== f.taxpayerType
        ? text(
            `该企业是${f.taxpayerType === 'general' ? '一般纳税人' : '小规模纳税人'}，与申报表不符。`,
            `The company is a ${f.taxpayerType === 'general' ? 'general' : 'small-scale'} taxpayer; the form does not fit.`,
          )
        : null,
  },
  {
    code: 'DELEGATION_MISSING',
    kinds: ['zero', 'invoice'],
    overridable: false,
    check: (f) =>
      f.delegationUntil === undefined
        ? text(
            '本事务所没有有效的“税费申报”授权。',
            'The firm holds no authorization in force for tax filing.',
          )
        : null,
  },
  {
    code: 'DELEGATION_EXPIRING',
    kinds: ['zero', 'invoice'],
    overridable: true,
    check: (f) =>
      f.delegationUntil && f.delegationUntil.slice(0, 10) < f.deadline
        ? text(
            `授权 ${f.delegationUntil.slice(0, 10)} 到期，早于申报期限 ${f.deadline}，请尽快续期。`,
            `The authorization ends ${f.delegationUntil.slice(0, 10)}, before the deadline ${f.deadline}; renew it.`,
          )
        : null,
  },
  {
    code: 'SALES_JUMP',
    kinds: ['invoice'],
    overridable: true,
    check: (f) => {
      if (f.sales === undefined || f.lastSales === undefined) return null;
      const last = new Decimal(f.lastSales);
      if (last.lte(0)) return null;
      const ratio = new Decimal(f.sales).div(last);
      return ratio.gt(f.jumpFactor)
        ? text(
            `本期销售额 ${f.sales} 元是上期 ${f.lastSales} 元的 ${ratio.toFixed(1)} 倍，请核对发票。`,
            `Sales of ${f.sales} yuan are ${ratio.toFixed(1)}× last period's ${f.lastSales}; check the invoices.`,
          )
        : null;
    },
  },
];

/** Every finding for one client, in rule order. */
export const preflight = (
  f: PreflightFacts,
  rules: readonly PreflightRule[] = PREFLIGHT_RULES,
): PreflightFinding[] =>
  rules.flatMap((r) => {
    if (!r.kinds.includes(f.kind)) return [];
    const reason = r.check(f);
    return reason ? [{ code: r.code, reason, overridable: r.overridable }] : [];
  });

export type PreflightOverride = { code: string; note: string };

/** What still blocks once the given overrides apply: a finding not overridable, or not overridden. */
export const blocking = (
  findings: readonly PreflightFinding[],
  overrides: readonly PreflightOverride[] = [],
): PreflightFinding[] =>
  findings.filter(
    (x) => !x.overridable || !overrides.some((o) => o.code === x.code && o.note.trim().length > 0),
  );

/** Default factor for SALES_JUMP (SHANGTONG_SALES_JUMP_FACTOR overrides it). */
export const DEFAULT_JUMP_FACTOR = '3';

/** The period before (a month or a quarter), for the sales comparison. */
export const previousPeriod = (p: TaxPeriod): TaxPeriod =>
  p.type === 'month'
    ? p.month === 1
      ? { type: 'month', year: p.year - 1, month: 12 }
      : { type: 'month', year: p.year, month: p.month - 1 }
    : p.quarter === 1
      ? { type: 'quarter', year: p.year - 1, quarter: 4 }
      : { type: 'quarter', year: p.year, quarter: p.quarter - 1 };

/** The SALES_JUMP factor from the environment (`SHANGTONG_SALES_JUMP_FACTOR`), at least 1. */
export const jumpFactorFrom = (raw: string | undefined): string => {
  const n = Number(raw);
  return Number.isFinite(n) && n >= 1 ? String(n) : DEFAULT_JUMP_FACTOR;
};
