import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, taxPayments, taxReturns } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { canonicalJson } from '../../../shared/licences/canonical-json';
import { computeReturn, groupedMoney, periodEnded } from '../../../shared/api/tax';
import { chinaToday } from '../../../shared/time/china';
import { formatMoney, TaxDecimal } from '../../../shared/tax/money';
import { type LocalizedText, text } from '../../../shared/text';
import { nextDocumentNumber } from './company';
import { verifyReturnSignature } from './signature';
import type { ReturnRow } from './views';

/*
 * The simulated tax bureau. There is no connection to a real e-tax bureau: the platform accepts a
 * submitted return itself, in the submission's transaction, once these checks pass — the figures
 * recompute to exactly what was signed, the signature holds, the period has ended, and no other
 * accepted return is in force for the period. Then it issues a receipt number, supersedes the
 * version a correction replaces, and records the payment due.
 */

const reject = (zh: string, en: string): DomainError =>
  new DomainError(
    'BUREAU_REJECTED',
    text(`模拟税务机关未受理：${zh}`, `The simulated tax bureau refused: ${en}`),
  );

const same = (a: unknown, b: unknown): boolean =>
  canonicalJson(JSON.parse(JSON.stringify(a))) === canonicalJson(JSON.parse(JSON.stringify(b)));

const checks = async (
  tx: DbOrTx,
  ctx: AppContext,
  r: ReturnRow,
  previous: ReturnRow | undefined,
): Promise<void> => {
  if (!r.computation || !same(computeReturn(r.period, r.input, r.facts), r.computation))
    throw reject('申报数据与重新计算结果不一致', 'the figures do not recompute to what was filed');
  const [company] = await tx
    .select({ uscc: companies.uscc })
    .from(companies)
    .where(eq(companies.id, r.companyId));
  const content = {
    companyId: r.companyId,
    uscc: company?.uscc ?? '',
    form: r.form,
    period: r.period,
    version: r.version,
    input: r.input,
    facts: r.facts,
    computation: r.computation,
  };
  if (!r.signature || !verifyReturnSignature(ctx.config.dataKey, content, r.signature))
    throw reject('申报签名无效', 'the signature does not match the return');
  if (!periodEnded(r.period, chinaToday(ctx.now())))
    throw reject('所属期尚未结束', 'the period has not ended');
  const inForce = await tx
    .select({ id: taxReturns.id })
    .from(taxReturns)
    .where(
      and(
        eq(taxReturns.companyId, r.companyId),
        eq(taxReturns.tax, r.tax),
        eq(taxReturns.periodKey, r.periodKey),
        eq(taxReturns.status, 'accepted'),
        isNull(taxReturns.supersededAt),
      ),
    );
  if (inForce.some((x) => x.id !== previous?.id))
    throw reject('该所属期已申报', 'the period is already filed');
};

export const bureauAccept = async (
  tx: DbOrTx,
  ctx: AppContext,
  r: ReturnRow,
  previous: ReturnRow | undefined,
): Promise<ReturnRow> => {
  await checks(tx, ctx, r, previous);
  const now = ctx.now();
  const today = chinaToday(now);
  if (previous) await tx.update(taxReturns).set({ supersededAt: now }).where(eq(taxReturns.id, previous.id));

  // What is already paid for this period counts; unpaid demands of replaced versions lapse.
  const versionIds = (
    await tx
      .select({ id: taxReturns.id })
      .from(taxReturns)
      .where(
        and(
          eq(taxReturns.companyId, r.companyId),
          eq(taxReturns.tax, r.tax),
          eq(taxReturns.periodKey, r.periodKey),
        ),
      )
  ).map((x) => x.id);
  const earlier = await tx.select().from(taxPayments).where(inArray(taxPayments.returnId, versionIds));
  const paid = earlier
    .filter((p) => p.status === 'paid')
    .reduce((a, p) => a.plus(p.amount), new TaxDecimal(0));
  const lapsed = earlier.filter((p) => p.status === 'due').map((p) => p.id);
  if (lapsed.length > 0)
    await tx.update(taxPayments).set({ status: 'cancelled' }).where(inArray(taxPayments.id, lapsed));
  const owed = new TaxDecimal(r.totalPayable ?? '0').minus(paid);
  if (owed.greaterThan(0)) {
    await tx.insert(taxPayments).values({
      returnId: r.id,
      companyId: r.companyId,
      amount: formatMoney(owed),
      dueDate: r.late ? today : r.dueDate,
      createdAt: now,
    });
  }

  const notes: LocalizedText[] = [
    text('申报已受理（模拟税务机关自动受理）。', 'Return accepted (by the simulated tax bureau).'),
  ];
  if (r.late)
    notes.push(
      text(
        `逾期申报：申报期限为 ${r.dueDate}。实际办理中可能产生滞纳金或罚款，本平台不作计算。`,
        `Filed late: the deadline was ${r.dueDate}. In practice late-payment surcharges or fines may apply; the platform does not compute them.`,
      ),
    );
  if (owed.isNegative())
    notes.push(
      text(
        `更正后多缴税费 ${groupedMoney(formatMoney(owed.negated()))} 元，可申请退抵税（模拟，不会实际退款）。`,
        `After the correction ${groupedMoney(formatMoney(owed.negated()))} yuan was overpaid; a refund or offset may be claimed (simulated; no money moves).`,
      ),
    );
  const note = text(notes.map((n) => n.zh).join(''), notes.map((n) => n.en).join(' '));
  const [accepted] = await tx
    .update(taxReturns)
    .set({
      status: 'accepted',
      acceptedAt: now,
      receiptNumber: await nextDocumentNumber(tx, 'SB', today),
      bureauNote: note,
      updatedAt: now,
    })
    .where(eq(taxReturns.id, r.id))
    .returning();
  if (!accepted) throw new Error('return not accepted');
  await writeAudit(tx, {
    actorPersonId: null,
    actingAs: 'system',
    action: 'tax.return.accept',
    companyId: r.companyId,
    detail: { returnId: r.id, receiptNumber: accepted.receiptNumber, owed: formatMoney(owed) },
  });
  return accepted;
};
