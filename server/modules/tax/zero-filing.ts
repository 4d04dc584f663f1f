import { and, eq, gte, lte } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { invoiceLines } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { periodEnd, periodKey, periodStart, zeroReturnInput } from '../../../shared/api/tax';
import type { TaxPeriod } from '../../../shared/tax/period';
import { periodVersions } from './checks';
import { loadTaxCompany } from './company';
import { draftInProgress, notZeroPeriod, periodAlreadyFiled } from './errors';
import { submitReturn } from './submit';
import type { ReturnRow } from './views';

/** Whether any sales invoice (issued by the company) is on file for the period. */
export const hasSalesOnFile = async (db: DbOrTx, companyId: string, period: TaxPeriod): Promise<boolean> => {
  const [row] = await db
    .select({ id: invoiceLines.id })
    .from(invoiceLines)
    .where(
      and(
        eq(invoiceLines.companyId, companyId),
        eq(invoiceLines.direction, 'issued'),
        gte(invoiceLines.issueDate, periodStart(period)),
        lte(invoiceLines.issueDate, periodEnd(period)),
      ),
    )
    .limit(1);
  return row !== undefined;
};

export type ZeroFilingResult = { row: ReturnRow; created: boolean };

/**
 * 零申报 of a company's VAT (with surcharges) for one period, inside the caller's transaction.
 * Idempotent per company and period: when the period already has an accepted nil return, that
 * return is given back (created: false). Refuses PERIOD_HAS_SALES when sales invoices are on
 * file, PERIOD_ALREADY_FILED when a non-nil return is, DRAFT_IN_PROGRESS when a draft holds
 * figures it would overwrite, and every refusal of submitReturn.
 * The batch filing of firms calls this once per client.
 */
export const fileZeroReturn = async (
  tx: DbOrTx,
  ctx: AppContext,
  input: { companyId: string; period: TaxPeriod; authority: Authority; sessionId: string },
): Promise<ZeroFilingResult> => {
  if (input.authority.companyId !== input.companyId) throw new Error('authority is for another company');
  const company = await loadTaxCompany(tx, input.companyId);
  const form = company.taxpayerType === 'small-scale' ? 'vat-small-scale' : 'vat-general';
  const versions = await periodVersions(tx, company.id, form, periodKey(input.period));
  if (versions.current) {
    if (versions.current.zeroFiling) return { row: versions.current, created: false };
    throw periodAlreadyFiled(input.period, versions.current.receiptNumber);
  }
  if (versions.draft) throw draftInProgress();
  if (await hasSalesOnFile(tx, company.id, input.period)) throw notZeroPeriod();
  const row = await submitReturn(tx, ctx, {
    authority: input.authority,
    sessionId: input.sessionId,
    period: input.period,
    input: zeroReturnInput(form),
    confirmedTotal: '0.00',
    zeroFiling: true,
  });
  return { row, created: true };
};
