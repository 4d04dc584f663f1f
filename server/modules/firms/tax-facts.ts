import { and, eq, gte, inArray, isNull, lte, sql, sum, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/types';
import { firmClients, invoiceLines, licences, taxReturns } from '../../db/schema';
import { periodEnd, periodStart } from '../../../shared/api/tax-period';
import type { TaxPeriod } from '../../../shared/tax/period';

/*
 * Read-only views of the tax and licence modules' tables, for many companies at once (the roster
 * and the batch preview). Writing returns is the tax module's business alone.
 */

export type ReturnState = 'accepted' | 'submitted' | 'draft';
const RANK: Record<ReturnState, number> = { draft: 1, submitted: 2, accepted: 3 };

/** Which companies: every client of a firm (a subquery, no id list), or an explicit list. */
export type CompanyScope = { firmId: string } | { companyIds: readonly string[] };

const inScope = (column: AnyPgColumn, scope: CompanyScope): SQL => {
  if ('firmId' in scope)
    return sql`${column} in (select ${firmClients.companyId} from ${firmClients} where ${firmClients.firmId} = ${scope.firmId})`;
  return scope.companyIds.length ? inArray(column, [...scope.companyIds]) : sql`false`;
};

/** `${tax}:${periodKey}` → furthest state reached by any current version, per company. */
export const returnStates = async (
  db: DbOrTx,
  scope: CompanyScope,
  periodKeys: readonly string[],
): Promise<Map<string, Map<string, ReturnState>>> => {
  const out = new Map<string, Map<string, ReturnState>>();
  if (periodKeys.length === 0) return out;
  const rows = await db
    .select({
      companyId: taxReturns.companyId,
      tax: taxReturns.tax,
      periodKey: taxReturns.periodKey,
      status: taxReturns.status,
    })
    .from(taxReturns)
    .where(
      and(
        inScope(taxReturns.companyId, scope),
        inArray(taxReturns.periodKey, [...periodKeys]),
        isNull(taxReturns.supersededAt),
      ),
    );
  for (const r of rows) {
    let m = out.get(r.companyId);
    if (!m) out.set(r.companyId, (m = new Map()));
    const key = `${r.tax}:${r.periodKey}`;
    const before = m.get(key);
    if (!before || RANK[r.status] > RANK[before]) m.set(key, r.status);
  }
  return out;
};

/**
 * Companies with sales invoices on file for the period, and their net total (decimal string). Any
 * issued line counts, even when red invoices bring the total to zero: the tax module refuses a nil
 * return then too.
 */
export const salesInPeriod = async (
  db: DbOrTx,
  scope: CompanyScope,
  period: TaxPeriod,
): Promise<Map<string, string>> => {
  const rows = await db
    .select({ companyId: invoiceLines.companyId, total: sum(invoiceLines.amount) })
    .from(invoiceLines)
    .where(
      and(
        inScope(invoiceLines.companyId, scope),
        eq(invoiceLines.direction, 'issued'),
        gte(invoiceLines.issueDate, periodStart(period)),
        lte(invoiceLines.issueDate, periodEnd(period)),
      ),
    )
    .groupBy(invoiceLines.companyId);
  const out = new Map<string, string>();
  for (const r of rows) out.set(r.companyId, r.total ?? '0.00');
  return out;
};

/** Active licences ending between today and `until` (inclusive), counted per company. */
export const licencesEnding = async (
  db: DbOrTx,
  scope: CompanyScope,
  today: string,
  until: string,
): Promise<Map<string, number>> => {
  const rows = await db
    .select({ companyId: licences.companyId, n: sql<number>`count(*)::int` })
    .from(licences)
    .where(
      and(
        inScope(licences.companyId, scope),
        eq(licences.status, 'active'),
        gte(licences.validUntil, today),
        lte(licences.validUntil, until),
      ),
    )
    .groupBy(licences.companyId);
  return new Map(rows.map((r) => [r.companyId, Number(r.n)]));
};

/** Whether a company already has a return for the period beyond a draft (filed or on its way). */
export const alreadyFiled = (
  states: Map<string, ReturnState> | undefined,
  tax: string,
  periodKey: string,
): 'accepted' | 'submitted' | undefined => {
  const s = states?.get(`${tax}:${periodKey}`);
  return s === 'draft' ? undefined : s;
};
