import { and, count, eq, gt } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { DbOrTx } from '../../db/types';
import { invoiceLines, taxReturns } from '../../db/schema';
import { companyDueItems } from './due';
import { loadTaxCompany } from './company';
import { periodEnd } from '../../../shared/api/tax-period';

export type TaxClearanceFacts = {
  unfiledTaxPeriods: string[];
  unpaidTax: string;
  invoicesOnFile: number;
  everHadTaxMatter: boolean;
  everHadInvoices: boolean;
};

const TAX_ZH = { vat: '增值税', 'cit-prepay': '企业所得税预缴', 'cit-annual': '企业所得税汇算清缴' } as const;

/**
 * What tax clearance (清税, lifecycle.md §4.5) looks at: every ended period not filed, tax owed,
 * and invoices dated after the last accepted VAT return (not yet declared).
 */
export const taxClearanceFacts = async (
  db: DbOrTx,
  companyId: string,
  today: string,
): Promise<TaxClearanceFacts> => {
  const company = await loadTaxCompany(db, companyId);
  const items = await companyDueItems(db, company, today, { canFile: true, canPay: true });
  const unfiled = items.filter((i) => i.state === 'due' || i.state === 'overdue');
  const unpaid = items.filter((i) => i.state === 'unpaid');
  const [returns] = await db
    .select({ n: count() })
    .from(taxReturns)
    .where(eq(taxReturns.companyId, companyId));
  const accepted = await db
    .select({ period: taxReturns.period })
    .from(taxReturns)
    .where(
      and(eq(taxReturns.companyId, companyId), eq(taxReturns.tax, 'vat'), eq(taxReturns.status, 'accepted')),
    );
  const lastVatEnd =
    accepted
      .map((r) => periodEnd(r.period))
      .sort()
      .pop() ?? '1900-01-01';
  const [invoices] = await db
    .select({ n: count() })
    .from(invoiceLines)
    .where(eq(invoiceLines.companyId, companyId));
  const [undeclared] = await db
    .select({ n: count() })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.companyId, companyId), gt(invoiceLines.issueDate, lastVatEnd)));
  return {
    unfiledTaxPeriods: unfiled.map((i) => `${i.periodKey} ${TAX_ZH[i.tax]}`),
    unpaidTax: unpaid.reduce((s, i) => s.plus(i.amountDue ?? '0'), new Decimal(0)).toFixed(2),
    invoicesOnFile: undeclared?.n ?? 0,
    everHadTaxMatter: (returns?.n ?? 0) > 0 || (invoices?.n ?? 0) > 0,
    everHadInvoices: (invoices?.n ?? 0) > 0,
  };
};
