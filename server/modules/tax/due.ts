import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { taxPayments, taxReturns } from '../../db/schema';
import { authorize, type Authority } from '../../auth/authorize';
import { companyObligations, type Obligation } from '../../../shared/calendar/obligations';
import { daysBetween } from '../../../shared/calendar/iso-date';
import {
  filingDeadline,
  formOfTax,
  latestEndedPeriod,
  periodEnd,
  periodEnded,
  periodKey,
  type DueItem,
} from '../../../shared/api/tax';
import type { TaxPeriod } from '../../../shared/tax/period';
import { type TaxCompany, loadTaxCompany } from './company';
import { hasSalesOnFile } from './zero-filing';

type Candidate = Omit<Obligation, 'daysLeft'>;

const keyOf = (p: Obligation['period']): string => (p.type === 'year' ? String(p.year) : periodKey(p));

/**
 * The latest ended period of each tax whose deadline has passed, when it is not filed: overdue.
 * The platform only knows what was filed through it, so older periods are taken as filed before
 * the company used the platform (the bureau's own records would show them); see docs/tax.md.
 */
const overdueCandidates = (company: TaxCompany, today: string): Candidate[] =>
  (['vat', 'cit-prepay'] as const).flatMap((tax) => {
    const period = latestEndedPeriod(tax === 'vat' ? company.vatPeriod : 'quarter', today);
    const due = filingDeadline(period);
    if (periodEnd(period) < company.establishedOn || due.date >= today) return [];
    return [{ tax, period, dueDate: due.date, sourceOfDate: due.source }];
  });

export type Permissions = { canFile: boolean; canPay: boolean };

/** What a company must file or pay, soonest first, for a person with the given permissions. */
export const companyDueItems = async (
  db: DbOrTx,
  company: TaxCompany,
  today: string,
  permissions: Permissions,
): Promise<DueItem[]> => {
  const upcoming = companyObligations(
    {
      taxpayerType: company.taxpayerType,
      vatPeriod: company.vatPeriod,
      establishedOn: company.establishedOn,
    },
    today,
  );
  const candidates = new Map<string, Candidate>();
  for (const c of [...overdueCandidates(company, today), ...upcoming])
    candidates.set(`${c.tax}|${keyOf(c.period)}`, c);
  const returns = await db.select().from(taxReturns).where(eq(taxReturns.companyId, company.id));
  const items: DueItem[] = [];
  const base = { companyId: company.id, companyName: company.name, ...permissions };
  for (const c of candidates.values()) {
    const key = keyOf(c.period);
    const mine = returns.filter((r) => r.tax === c.tax && r.periodKey === key);
    if (mine.some((r) => r.status === 'accepted')) continue;
    const period = c.period.type === 'year' ? null : (c.period satisfies TaxPeriod);
    const ended = period ? periodEnded(period, today) : true;
    const state = !ended ? 'period-open' : c.dueDate < today ? 'overdue' : 'due';
    const form = c.tax === 'cit-annual' ? null : formOfTax(c.tax, company.taxpayerType);
    const zero =
      c.tax === 'vat' && period !== null && ended && !(await hasSalesOnFile(db, company.id, period));
    items.push({
      ...base,
      tax: c.tax,
      form,
      period: c.period,
      periodKey: key,
      dueDate: c.dueDate,
      daysLeft: daysBetween(today, c.dueDate),
      sourceOfDate: c.sourceOfDate,
      state,
      draftReturnId: mine.find((r) => r.status === 'draft')?.id ?? null,
      returnId: null,
      paymentId: null,
      amountDue: null,
      zeroFilingOffered: zero,
    });
  }
  const unpaid = await db
    .select({ p: taxPayments, r: taxReturns })
    .from(taxPayments)
    .innerJoin(taxReturns, eq(taxReturns.id, taxPayments.returnId))
    .where(and(eq(taxPayments.companyId, company.id), eq(taxPayments.status, 'due')));
  for (const { p, r } of unpaid) {
    items.push({
      ...base,
      tax: r.tax,
      form: r.form,
      period: r.period,
      periodKey: r.periodKey,
      dueDate: p.dueDate,
      daysLeft: daysBetween(today, p.dueDate),
      sourceOfDate: 'official',
      state: 'unpaid',
      draftReturnId: null,
      returnId: r.id,
      paymentId: p.id,
      amountDue: p.amount,
      zeroFilingOffered: false,
    });
  }
  const order = { vat: 0, 'cit-prepay': 1, 'cit-annual': 2 } as const;
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || order[a.tax] - order[b.tax]);
};

/** The person's permissions for a company now (one decision each, through authorize). */
export const permissionsFor = async (
  db: DbOrTx,
  personId: string,
  companyId: string,
  now: Date,
): Promise<Permissions> => {
  const [file, pay] = await Promise.all([
    authorize(db, { personId, companyId, scope: 'tax.file', now }),
    authorize(db, { personId, companyId, scope: 'tax.pay', now }),
  ]);
  return { canFile: file.allowed, canPay: pay.allowed };
};

/**
 * `authority`: the request's own decision for the company. A legal representative holds every scope
 * (authorize answers so first, whatever the scope), so their permissions need no further statement.
 */
export const dueItemsFor = async (
  db: DbOrTx,
  companyId: string,
  personId: string,
  now: Date,
  today: string,
  authority?: Pick<Authority, 'actingAs' | 'personId' | 'companyId'>,
): Promise<DueItem[]> => {
  const legalRep =
    authority?.actingAs === 'legal-representative' &&
    authority.personId === personId &&
    authority.companyId === companyId;
  const [company, permissions] = await Promise.all([
    loadTaxCompany(db, companyId),
    legalRep ? { canFile: true, canPay: true } : permissionsFor(db, personId, companyId, now),
  ]);
  return companyDueItems(db, company, today, permissions);
};
