import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { companies, persons, taxPayments, taxReturns } from '../../db/schema';
import { notFound } from '../../http/errors';
import { isDomainError } from '../../../shared/domain-error';
import {
  computeReturn,
  type PaymentView,
  type ReturnDetail,
  type ReturnSummary,
} from '../../../shared/api/tax';
import { text } from '../../../shared/text';

export type ReturnRow = typeof taxReturns.$inferSelect;
export type PaymentRow = typeof taxPayments.$inferSelect;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const toSummary = (r: ReturnRow): ReturnSummary => ({
  id: r.id,
  companyId: r.companyId,
  tax: r.tax,
  form: r.form,
  period: r.period,
  periodKey: r.periodKey,
  version: r.version,
  status: r.status,
  zeroFiling: r.zeroFiling,
  superseded: r.supersededAt !== null,
  totalPayable: r.totalPayable,
  difference: r.difference,
  dueDate: r.dueDate,
  late: r.late,
  receiptNumber: r.receiptNumber,
  createdAt: r.createdAt.toISOString(),
  submittedAt: iso(r.submittedAt),
  acceptedAt: iso(r.acceptedAt),
});

export const toPaymentView = (p: PaymentRow): PaymentView => ({
  id: p.id,
  returnId: p.returnId,
  amount: p.amount,
  status: p.status,
  dueDate: p.dueDate,
  paidAt: iso(p.paidAt),
  voucherNumber: p.voucherNumber,
  certificate: p.certificateNumber
    ? { number: p.certificateNumber, licenceId: p.certificateLicenceId, identifier: p.certificateIdentifier }
    : null,
});

/** A draft's figures as they stand, or why they do not compute yet. */
const draftComputation = (r: ReturnRow): Pick<ReturnDetail, 'computation' | 'problem'> => {
  if (r.computation) return { computation: r.computation, problem: null };
  try {
    return { computation: computeReturn(r.period, r.input, r.facts), problem: null };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { computation: null, problem: { code: e.code, message: e.text, field: e.field ?? null } };
  }
};

export const loadReturnRow = async (db: DbOrTx, companyId: string, returnId: string): Promise<ReturnRow> => {
  const [r] = await db
    .select()
    .from(taxReturns)
    .where(and(eq(taxReturns.id, returnId), eq(taxReturns.companyId, companyId)));
  if (!r) throw notFound(text('申报表', 'Return'));
  return r;
};

export const loadReturnDetail = async (
  db: DbOrTx,
  companyId: string,
  returnId: string,
): Promise<ReturnDetail> => {
  const r = await loadReturnRow(db, companyId, returnId);
  const [company] = await db
    .select({ name: companies.name, uscc: companies.uscc })
    .from(companies)
    .where(eq(companies.id, companyId));
  const versions = await db
    .select()
    .from(taxReturns)
    .where(
      and(
        eq(taxReturns.companyId, companyId),
        eq(taxReturns.tax, r.tax),
        eq(taxReturns.periodKey, r.periodKey),
      ),
    )
    .orderBy(asc(taxReturns.version));
  const [payment] = await db.select().from(taxPayments).where(eq(taxPayments.returnId, r.id));
  const [filer] = r.submittedByPersonId
    ? await db.select({ name: persons.name }).from(persons).where(eq(persons.id, r.submittedByPersonId))
    : [];
  return {
    ...toSummary(r),
    companyName: company?.name ?? '',
    uscc: company?.uscc ?? '',
    input: r.input,
    facts: r.facts,
    ...draftComputation(r),
    signature: r.signature,
    filer: filer ? { name: filer.name, actingAs: r.actingAs ?? '' } : null,
    bureauNote: r.bureauNote,
    payment: payment ? toPaymentView(payment) : null,
    versions: versions.map(toSummary),
  };
};
