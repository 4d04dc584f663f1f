import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, taxPayments, taxReturns } from '../../db/schema';
import type { Authority } from '../../auth/authorize';
import { auditActingFor } from '../../audit/write';
import { notFound } from '../../http/errors';
import { DomainError } from '../../../shared/domain-error';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { issueTaxPaymentCertificate } from './certificate';
import { nextDocumentNumber } from './company';
import type { PaymentRow } from './views';

/**
 * Marks a payment paid. Simulated 缴款: there is no bank or treasury behind it and no money
 * moves; the platform records an 电子缴款凭证 number and issues the 税收完税证明. Refuses a
 * payment already paid (PAYMENT_ALREADY_PAID) or replaced by a correction (PAYMENT_CANCELLED).
 */
export const payTax = async (
  tx: DbOrTx,
  ctx: AppContext,
  authority: Authority,
  paymentId: string,
): Promise<PaymentRow> => {
  const [p] = await tx
    .select()
    .from(taxPayments)
    .where(and(eq(taxPayments.id, paymentId), eq(taxPayments.companyId, authority.companyId)))
    .for('update');
  if (!p) throw notFound(text('缴款记录', 'Payment'));
  if (p.status === 'paid')
    throw new DomainError(
      'PAYMENT_ALREADY_PAID',
      text(
        `该笔税款已于缴款凭证 ${p.voucherNumber ?? ''} 缴纳。`,
        `This tax was already paid (voucher ${p.voucherNumber ?? ''}).`,
      ),
    );
  if (p.status === 'cancelled')
    throw new DomainError(
      'PAYMENT_CANCELLED',
      text(
        '该笔应缴税款已被更正申报取代，请缴纳更正后的税款。',
        'A correction replaced this amount; pay the corrected one.',
      ),
    );
  const [r] = await tx.select().from(taxReturns).where(eq(taxReturns.id, p.returnId));
  const [company] = await tx
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, p.companyId));
  if (!r || !company) throw notFound(text('申报表', 'Return'));
  const now = ctx.now();
  const today = chinaToday(now);
  const voucherNumber = await nextDocumentNumber(tx, '3', today);
  const certificate = await issueTaxPaymentCertificate(tx, ctx, {
    taxReturn: r,
    companyName: company.name,
    amount: p.amount,
    paidOn: today,
  });
  const [paid] = await tx
    .update(taxPayments)
    .set({
      status: 'paid',
      paidAt: now,
      paidByPersonId: authority.personId,
      voucherNumber,
      certificateNumber: certificate.number,
      certificateLicenceId: certificate.licenceId,
      certificateIdentifier: certificate.identifier,
      certificateFields: certificate.fields,
    })
    .where(eq(taxPayments.id, p.id))
    .returning();
  if (!paid) throw new Error('payment not updated');
  await auditActingFor(
    tx,
    authority,
    'tax.pay',
    {
      paymentId: p.id,
      returnId: r.id,
      amount: p.amount,
      voucherNumber,
      certificateNumber: certificate.number,
      simulated: true,
    },
    now,
  );
  return paid;
};
