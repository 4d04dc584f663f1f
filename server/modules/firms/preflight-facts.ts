import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { delegations } from '../../db/schema';
import { scopesCover } from '../../../shared/delegation/scopes';
import { filingDeadline, periodEnd, periodKey } from '../../../shared/api/tax-period';
import { chinaDate, chinaToday } from '../../../shared/time/china';
import type { TaxPeriod } from '../../../shared/tax/period';
import {
  jumpFactorFrom,
  previousPeriod,
  type PreflightFacts,
  type PreflightKind,
} from '../../../shared/firms/preflight';
import { alreadyFiled, returnStates, salesInPeriod, type CompanyScope } from './tax-facts';

export type PreflightClient = { id: string; taxpayerType: 'small-scale' | 'general' };

/**
 * The pre-flight facts of many clients at once, in a fixed number of queries: sales this and last
 * period, returns already in, and the end of the firm's tax-filing authorization.
 */
export const preflightFacts = async (
  db: DbOrTx,
  input: {
    firmId: string;
    kind: PreflightKind;
    period: TaxPeriod;
    clients: readonly PreflightClient[];
    now: Date;
    /** Sales of this period when the caller has them already (e.g. prepared from an import). */
    sales?: Map<string, string>;
  },
): Promise<Map<string, PreflightFacts>> => {
  const out = new Map<string, PreflightFacts>();
  if (input.clients.length === 0) return out;
  const ids = input.clients.map((c) => c.id);
  const scope: CompanyScope = ids.length <= 1000 ? { companyIds: ids } : { firmId: input.firmId };
  const key = periodKey(input.period);
  const [sales, lastSales, states, dRows] = await Promise.all([
    input.sales ? Promise.resolve(input.sales) : salesInPeriod(db, scope, input.period),
    salesInPeriod(db, scope, previousPeriod(input.period)),
    returnStates(db, scope, [key]),
    db
      .select({
        companyId: delegations.companyId,
        status: delegations.status,
        validFrom: delegations.validFrom,
        validUntil: delegations.validUntil,
        singleUse: delegations.singleUse,
        usedAt: delegations.usedAt,
        scopes: delegations.scopes,
      })
      .from(delegations)
      .where(
        and(
          eq(delegations.granteeFirmId, input.firmId),
          eq(delegations.status, 'approved'),
          ids.length <= 1000 ? inArray(delegations.companyId, ids) : undefined,
        ),
      ),
  ]);
  // The longest-lasting authorization in force that covers filing (null = open-ended).
  const until = new Map<string, string | null>();
  for (const d of dRows) {
    if (!scopesCover(d.scopes, 'tax.file')) continue;
    if (d.validUntil && d.validUntil <= input.now) continue;
    if (d.validFrom && d.validFrom > input.now) continue;
    if (d.singleUse && d.usedAt) continue;
    // A China calendar date: the rule compares it with the deadline, also a China date.
    const end = d.validUntil ? chinaDate(d.validUntil) : null;
    const before = until.get(d.companyId);
    if (before === undefined) until.set(d.companyId, end);
    else if (before !== null && (end === null || end > before)) until.set(d.companyId, end);
  }
  const base = {
    kind: input.kind,
    period: input.period,
    today: chinaToday(input.now),
    periodEnd: periodEnd(input.period),
    deadline: filingDeadline(input.period).date,
    formTaxpayerType: input.kind === 'zero' ? ('any' as const) : ('small-scale' as const),
    jumpFactor: jumpFactorFrom(process.env.SHANGTONG_SALES_JUMP_FACTOR),
  };
  for (const c of input.clients)
    out.set(c.id, {
      ...base,
      taxpayerType: c.taxpayerType,
      sales: sales.get(c.id),
      lastSales: lastSales.get(c.id),
      filed: alreadyFiled(states.get(c.id), 'vat', key),
      delegationUntil: until.get(c.id),
    });
  return out;
};
