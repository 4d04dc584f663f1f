import Decimal from 'decimal.js';
import type { DbOrTx } from '../../db/types';
import { DomainError, isDomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { periodEnd, periodStart } from '../../../shared/api/tax-period';
import { chinaToday } from '../../../shared/time/china';
import { periodLabel, type TaxPeriod } from '../../../shared/tax/period';
import { maskCompanyName, maskUscc } from '../../../shared/masking';
import { zeroFilingProblem } from '../../../shared/firms/zero-eligibility';
import { blocking, preflight } from '../../../shared/firms/preflight';
import type { PreflightOverride } from '../../../shared/api/firms';
import type { InvoiceReview, InvoiceReviewRow } from '../../../shared/firms/invoice-batch';
import { prepareFromInvoices } from '../tax';
import { visibleClientIds, type FirmMembership } from './access';
import { parsePeriod } from './zero-eligibility';
import { preflightFacts } from './preflight-facts';
import { firmClientCompanies } from './client-companies';

const no = (code: string, zh: string, en: string) => ({ code, reason: text(zh, en) });

/**
 * The review table of a batch filing from invoices: per client, the small-scale VAT + surcharges
 * return the tax module prepares from the invoices on file, the change against last period, and
 * every pre-flight finding (with the overrides given so far).
 */
export const invoiceReviewRows = async (
  db: DbOrTx,
  m: FirmMembership,
  input: {
    period: TaxPeriod;
    companyIds: readonly string[];
    now: Date;
    overrides?: readonly PreflightOverride[];
  },
): Promise<InvoiceReviewRow[]> => {
  const wanted = new Set(input.companyIds);
  const all = await firmClientCompanies(db, m.firmId);
  const chosen = all.filter((c) => wanted.has(c.id));
  if (chosen.length !== wanted.size)
    throw new DomainError(
      'NOT_A_CLIENT',
      text(
        `有 ${wanted.size - chosen.length} 家所选企业不是本事务所的客户。`,
        `${wanted.size - chosen.length} of the selected companies are not clients of the firm.`,
      ),
      { field: 'companyIds' },
    );
  const visible = await visibleClientIds(db, m);
  const facts = await preflightFacts(db, {
    firmId: m.firmId,
    kind: 'invoice',
    period: input.period,
    clients: chosen,
    now: input.now,
  });
  const today = chinaToday(input.now);
  const rows: InvoiceReviewRow[] = [];
  for (const c of chosen) {
    const shown = !visible || visible.has(c.id);
    const f = facts.get(c.id)!;
    const findings = preflight(f);
    const stops = blocking(
      findings,
      (input.overrides ?? []).filter((o) => o.companyId === c.id),
    );
    let problem: { code: string; reason: ReturnType<typeof text> } | null = shown
      ? null
      : no(
          'NOT_IN_ACCESS_GROUP',
          '您所在的分组不负责该客户，请联系事务所管理员。',
          'This client is not in any of your access groups; ask your firm admin.',
        );
    problem ??= zeroFilingProblem(c, {
      tax: 'vat',
      period: input.period,
      today,
      periodStart: periodStart(input.period),
      periodEnd: periodEnd(input.period),
      filed: undefined,
      sales: undefined,
    });
    if (!problem && f.sales === undefined)
      problem = no(
        'NO_INVOICES',
        '本期没有开票记录，请改用零申报或逐户申报。',
        'No invoices on file for the period: use a nil return or file one by one.',
      );
    const row: InvoiceReviewRow = {
      companyId: c.id,
      name: shown ? c.name : maskCompanyName(c.name),
      uscc: shown ? c.uscc : maskUscc(c.uscc),
      sales: {},
      salesTotal: null,
      vat: null,
      surcharges: null,
      totalPayable: null,
      reliefs: [],
      lastSales: f.lastSales ?? null,
      change:
        f.sales !== undefined && f.lastSales !== undefined && new Decimal(f.lastSales).gt(0)
          ? new Decimal(f.sales).div(f.lastSales).toFixed(1)
          : null,
      lineCount: 0,
      eligible: false,
      code: null,
      reason: null,
      checks: findings.map((x) => ({ ...x, overridden: x.overridable && !stops.includes(x) })),
    };
    if (shown && c.taxpayerType === 'small-scale' && !problem) {
      try {
        const p = await prepareFromInvoices(db, c.id, input.period);
        const cmp = p.computation;
        row.sales = Object.fromEntries(
          Object.entries(p.input.sales).filter((e): e is [string, string] => !!e[1]),
        );
        row.salesTotal = cmp.salesTotal;
        row.vat = cmp.vat && 'vat' in cmp.vat ? cmp.vat.vat : null;
        row.surcharges = cmp.surcharges?.total ?? null;
        row.totalPayable = cmp.totalPayable;
        row.reliefs = cmp.reliefs.map((r) => r.text);
        row.lineCount = p.lineCount;
      } catch (e) {
        if (!isDomainError(e)) throw e;
        problem = { code: e.code, reason: e.text };
      }
    }
    const first = problem ?? stops[0] ?? null;
    row.eligible = !first;
    row.code = first?.code ?? null;
    row.reason = first?.reason ?? null;
    rows.push(row);
  }
  return rows;
};

export const reviewInvoiceFiling = async (
  db: DbOrTx,
  m: FirmMembership,
  input: {
    periodKey: string;
    companyIds: readonly string[];
    now: Date;
    overrides?: readonly PreflightOverride[];
  },
): Promise<InvoiceReview> => {
  const period = parsePeriod(input.periodKey);
  return {
    periodKey: input.periodKey,
    periodLabel: periodLabel(period),
    rows: await invoiceReviewRows(db, m, { ...input, period }),
  };
};
