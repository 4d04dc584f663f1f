import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, taxReturns } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { auditActingFor } from '../../audit/write';
import {
  computeReturn,
  filingDeadline,
  periodKey,
  taxOfForm,
  type ReturnInput,
} from '../../../shared/api/tax';
import { chinaToday } from '../../../shared/time/china';
import { formatMoney, TaxDecimal } from '../../../shared/tax/money';
import type { TaxPeriod } from '../../../shared/tax/period';
import { checkFormFits, checkPeriodEnded, periodVersions } from './checks';
import { factsFor, loadTaxCompany } from './company';
import { computationChanged, nothingToCorrect, periodAlreadyFiled } from './errors';
import { signReturn } from './signature';
import { bureauAccept } from './bureau';
import type { ReturnRow } from './views';

export type SubmitInput = {
  authority: Authority;
  /** The filer's session, which signs the return. */
  sessionId: string;
  period: TaxPeriod;
  input: ReturnInput;
  correction?: boolean;
  /** The total the filer confirmed; the platform's recomputation must match it. */
  confirmedTotal: string;
  zeroFiling?: boolean;
};

/**
 * Submits a return inside the caller's transaction: checks the company, the form and the period,
 * recomputes every figure with the engine (client figures are never used), signs the content with
 * the filer's session, records the submission, and hands it to the simulated bureau, which
 * accepts it and creates the payment due. Throws a DomainError and changes nothing on refusal.
 */
export const submitReturn = async (tx: DbOrTx, ctx: AppContext, s: SubmitInput): Promise<ReturnRow> => {
  // One submission per company at a time: the company row lock serialises racing filings.
  await tx
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.id, s.authority.companyId))
    .for('update');
  const company = await loadTaxCompany(tx, s.authority.companyId);
  const now = ctx.now();
  const today = chinaToday(now);
  checkFormFits(company, s.input.form, s.period);
  checkPeriodEnded(s.period, today);
  const key = periodKey(s.period);
  const versions = await periodVersions(tx, company.id, s.input.form, key);
  if (versions.current && !s.correction) throw periodAlreadyFiled(s.period, versions.current.receiptNumber);
  if (!versions.current && s.correction) throw nothingToCorrect(s.period);

  const facts = await factsFor(tx, company, s.period);
  const computation = computeReturn(s.period, s.input, facts);
  if (formatMoney(new TaxDecimal(s.confirmedTotal)) !== computation.totalPayable)
    throw computationChanged(computation.totalPayable, s.confirmedTotal);

  const version = versions.nextVersion;
  const previousTotal = versions.current?.totalPayable ?? '0.00';
  const due = filingDeadline(s.period).date;
  const signature = signReturn(
    ctx.config.dataKey,
    {
      companyId: company.id,
      uscc: company.uscc,
      form: s.input.form,
      period: s.period,
      version,
      input: s.input,
      facts,
      computation,
    },
    s.sessionId,
    now,
  );
  const values = {
    status: 'submitted' as const,
    zeroFiling: s.zeroFiling === true,
    input: s.input,
    facts,
    computation,
    salesTotal: computation.salesTotal,
    totalPayable: computation.totalPayable,
    difference: formatMoney(new TaxDecimal(computation.totalPayable).minus(previousTotal)),
    dueDate: due,
    late: today > due,
    submittedByPersonId: s.authority.personId,
    actingAs: s.authority.actingAs,
    delegationId: s.authority.delegationId ?? null,
    firmId: s.authority.firmId ?? null,
    signature,
    submittedAt: now,
    updatedAt: now,
  };
  const [row] = versions.draft
    ? await tx.update(taxReturns).set(values).where(eq(taxReturns.id, versions.draft.id)).returning()
    : await tx
        .insert(taxReturns)
        .values({
          ...values,
          companyId: company.id,
          tax: taxOfForm(s.input.form),
          form: s.input.form,
          periodKey: key,
          period: s.period,
          version,
          preparedByPersonId: s.authority.personId,
          createdAt: now,
        })
        .returning();
  if (!row) throw new Error('return not stored');
  await auditActingFor(
    tx,
    s.authority,
    s.correction ? 'tax.return.correct' : 'tax.return.submit',
    {
      returnId: row.id,
      form: row.form,
      period: key,
      version,
      totalPayable: computation.totalPayable,
      zeroFiling: row.zeroFiling,
      signature: signature.value,
    },
    now,
  );
  return bureauAccept(tx, ctx, row, versions.current);
};
