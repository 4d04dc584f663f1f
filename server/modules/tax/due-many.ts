import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { taxPayments, taxReturns } from '../../db/schema';
import { companyObligations, type Obligation } from '../../../shared/calendar/obligations';
import { addDays } from '../../../shared/calendar/iso-date';
import {
  filingDeadline,
  formOfTax,
  latestEndedPeriod,
  periodEnd,
  periodEnded,
  periodKey,
} from '../../../shared/api/tax';

/** A company as the to-do centre knows it. */
export type DueCompany = {
  id: string;
  taxpayerType: 'small-scale' | 'general';
  vatPeriod: 'month' | 'quarter';
  establishedOn: string;
};

/** One return to file (due, overdue or its period still open) or one payment to make. */
export type DueFact = {
  companyId: string;
  tax: 'vat' | 'cit-prepay' | 'cit-annual';
  periodKey: string;
  form: string | null;
  dueDate: string;
  state: 'due' | 'overdue' | 'period-open' | 'unpaid';
  returnId: string | null;
  amountDue: string | null;
};

type Candidate = Omit<Obligation, 'daysLeft'>;

const keyOf = (p: Obligation['period']): string => (p.type === 'year' ? String(p.year) : periodKey(p));

/** Bound on ids per query (PostgreSQL allows 65,535 parameters). */
const CHUNK = 5_000;

/**
 * What many companies must file or pay, with the same rules as one company's due list
 * (`companyDueItems`: upcoming windows, the latest ended period when overdue, unpaid payments) but
 * in two set-based queries for all of them. The calendar part is pure and depends only on the
 * taxpayer type, the VAT period and — for companies younger than ~13 months — the date of
 * establishment, so it is computed once per such profile (a firm of 10,000 clients has a handful).
 */
export const dueFactsForCompanies = async (
  db: DbOrTx,
  list: readonly DueCompany[],
  today: string,
): Promise<DueFact[]> => {
  const oldEnough = addDays(today, -400);
  const memo = new Map<string, Candidate[]>();
  const candidatesOf = (c: DueCompany): Candidate[] => {
    const established = c.establishedOn < oldEnough ? oldEnough : c.establishedOn;
    const key = `${c.taxpayerType}|${c.vatPeriod}|${established}`;
    let found = memo.get(key);
    if (!found) {
      const profile = { taxpayerType: c.taxpayerType, vatPeriod: c.vatPeriod, establishedOn: established };
      const overdue = (['vat', 'cit-prepay'] as const).flatMap((tax): Candidate[] => {
        const period = latestEndedPeriod(tax === 'vat' ? c.vatPeriod : 'quarter', today);
        const due = filingDeadline(period);
        if (periodEnd(period) < established || due.date >= today) return [];
        return [{ tax, period, dueDate: due.date, sourceOfDate: due.source }];
      });
      const byKey = new Map<string, Candidate>();
      for (const x of [...overdue, ...companyObligations(profile, today)])
        byKey.set(`${x.tax}|${keyOf(x.period)}`, x);
      found = [...byKey.values()];
      memo.set(key, found);
    }
    return found;
  };

  const facts: DueFact[] = [];
  for (let i = 0; i < list.length; i += CHUNK) {
    const part = list.slice(i, i + CHUNK);
    const ids = part.map((c) => c.id);
    const [returns, unpaid] = await Promise.all([
      db
        .selectDistinct({
          companyId: taxReturns.companyId,
          tax: taxReturns.tax,
          periodKey: taxReturns.periodKey,
        })
        .from(taxReturns)
        .where(and(inArray(taxReturns.companyId, ids), eq(taxReturns.status, 'accepted'))),
      db
        .select({
          companyId: taxPayments.companyId,
          dueDate: taxPayments.dueDate,
          amount: taxPayments.amount,
          returnId: taxReturns.id,
          tax: taxReturns.tax,
          form: taxReturns.form,
          periodKey: taxReturns.periodKey,
        })
        .from(taxPayments)
        .innerJoin(taxReturns, eq(taxReturns.id, taxPayments.returnId))
        .where(and(inArray(taxPayments.companyId, ids), eq(taxPayments.status, 'due'))),
    ]);
    const filed = new Set(returns.map((r) => `${r.companyId}|${r.tax}|${r.periodKey}`));
    for (const c of part) {
      for (const x of candidatesOf(c)) {
        const key = keyOf(x.period);
        if (filed.has(`${c.id}|${x.tax}|${key}`)) continue;
        const ended = x.period.type === 'year' ? true : periodEnded(x.period, today);
        facts.push({
          companyId: c.id,
          tax: x.tax,
          periodKey: key,
          form: x.tax === 'cit-annual' ? null : formOfTax(x.tax, c.taxpayerType),
          dueDate: x.dueDate,
          state: !ended ? 'period-open' : x.dueDate < today ? 'overdue' : 'due',
          returnId: null,
          amountDue: null,
        });
      }
    }
    for (const p of unpaid)
      facts.push({
        companyId: p.companyId,
        tax: p.tax,
        periodKey: p.periodKey,
        form: p.form,
        dueDate: p.dueDate,
        state: 'unpaid',
        returnId: p.returnId,
        amountDue: p.amount,
      });
  }
  return facts;
};
