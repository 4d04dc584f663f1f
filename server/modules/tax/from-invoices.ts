import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import type { Authority } from '../../auth/authorize';
import {
  computeReturn,
  inputFromInvoices,
  type ReturnComputation,
  type ReturnInput,
} from '../../../shared/api/tax';
import { summarizeInvoices } from '../../../shared/tax/invoice-summary';
import type { TaxPeriod } from '../../../shared/tax/period';
import { factsFor, loadTaxCompany } from './company';
import { periodLines } from './invoices';
import { submitReturn } from './submit';

export type PreparedReturn = {
  input: ReturnInput & { form: 'vat-small-scale' };
  computation: ReturnComputation;
  lineCount: number;
};

/**
 * A small-scale VAT + surcharges return made from the invoices on file for the period, computed
 * by the engine with the company's facts: what a filer would get from the form's prefill.
 */
export const prepareFromInvoices = async (
  db: DbOrTx,
  companyId: string,
  period: TaxPeriod,
): Promise<PreparedReturn> => {
  const company = await loadTaxCompany(db, companyId);
  const lines = await periodLines(db, companyId, period);
  const summary = summarizeInvoices(lines, period);
  const input = (inputFromInvoices('vat-small-scale', summary) ?? {
    form: 'vat-small-scale',
    sales: {},
  }) as PreparedReturn['input'];
  const computation = computeReturn(period, input, await factsFor(db, company, period));
  return { input, computation, lineCount: lines.length };
};

/**
 * Files the prepared return (recomputed inside the submission; `confirmedTotal` is what the filer
 * reviewed, so a change since then is refused with COMPUTATION_CHANGED).
 */
export const fileFromInvoices = async (
  tx: DbOrTx,
  ctx: AppContext,
  s: { authority: Authority; sessionId: string; period: TaxPeriod; confirmedTotal: string },
): Promise<{ returnId: string; receiptNumber: string | null; totalPayable: string }> => {
  const prepared = await prepareFromInvoices(tx, s.authority.companyId, s.period);
  const row = await submitReturn(tx, ctx, {
    authority: s.authority,
    sessionId: s.sessionId,
    period: s.period,
    input: prepared.input,
    confirmedTotal: s.confirmedTotal,
  });
  return {
    returnId: row.id,
    receiptNumber: row.receiptNumber,
    totalPayable: prepared.computation.totalPayable,
  };
};
