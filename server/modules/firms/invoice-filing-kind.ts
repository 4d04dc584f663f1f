import { eq } from 'drizzle-orm';
import { companies } from '../../db/schema';
import { authorize } from '../../auth/authorize';
import { writeAudit } from '../../audit/write';
import { HttpError, httpStatusOf } from '../../http/errors';
import { isDomainError } from '../../../shared/domain-error';
import { periodLabel } from '../../../shared/tax/period';
import { text } from '../../../shared/text';
import { defineBatchKind, findClaim, recordClaim } from '../batches';
import type { ServerEvent } from '../../../shared/api/events';
import { BATCH_KIND_PARAMS } from '../../../shared/api/firms';
import { fileFromInvoices } from '../tax';
import { parsePeriod } from './zero-eligibility';

const KIND = 'invoice-filing';

/**
 * One client of a batch filing from invoices: authorized again now, the return prepared again from
 * the invoices on file and filed by the tax module inside the item's transaction — refused with
 * COMPUTATION_CHANGED when the total is not the one reviewed. A claim per company and period makes
 * a second batch (or a resumed one) report the first filing instead of filing again.
 */
export const invoiceFilingKind = defineBatchKind({
  params: BATCH_KIND_PARAMS['invoice-filing'],
  title: ({ periodKey }) => {
    const label = periodLabel(parsePeriod(periodKey));
    return text(`${label.zh} 增值税及附加税费按发票申报`, `VAT and surcharges from invoices, ${label.en}`);
  },
  describe: (r) => {
    if (r.alreadyFiled) return text('此前已申报，本次未重复申报', 'Already filed earlier; not filed again');
    if (typeof r.receiptNumber === 'string')
      return text(
        `已申报，应缴 ${String(r.totalPayable)} 元，回执号 ${r.receiptNumber}`,
        `Filed, ${String(r.totalPayable)} yuan payable, receipt ${r.receiptNumber}`,
      );
    return null;
  },
  process: async (ctx, tx, batch, item, { periodKey, sessionId, totals }) => {
    const period = parsePeriod(periodKey);
    const claim = { kind: KIND, companyId: item.companyId, subject: periodKey };
    const earlier = await findClaim(tx, claim);
    if (earlier) return { status: 'skipped', result: { ...earlier, alreadyFiled: true } };
    const decision = await authorize(tx, {
      personId: batch.ownerPersonId,
      companyId: item.companyId,
      scope: 'tax.file',
      now: ctx.now(),
    });
    if (!decision.allowed) throw new HttpError(decision.status, decision.code, decision.text);
    const confirmedTotal = totals[item.companyId];
    if (!confirmedTotal)
      return {
        status: 'skipped',
        result: {},
        reason: { code: 'NOT_REVIEWED', message: text('该客户未经核对。', 'This client was not reviewed.') },
      };
    let filed: Awaited<ReturnType<typeof fileFromInvoices>>;
    try {
      filed = await tx.transaction((sp) =>
        fileFromInvoices(sp, ctx, { authority: decision, sessionId, period, confirmedTotal }),
      );
    } catch (e) {
      if (isDomainError(e) && httpStatusOf(e) < 500)
        return { status: 'skipped', result: {}, reason: { code: e.code, message: e.text } };
      throw e;
    }
    const result = {
      returnId: filed.returnId,
      receiptNumber: filed.receiptNumber,
      totalPayable: filed.totalPayable,
    };
    await recordClaim(tx, { ...claim, itemId: item.id }, result);
    await writeAudit(tx, {
      actorPersonId: decision.personId,
      actingAs: decision.actingAs,
      action: 'batch.invoice-filing',
      companyId: item.companyId,
      delegationId: decision.delegationId ?? null,
      firmId: decision.firmId ?? batch.firmId,
      detail: { batchId: batch.id, itemId: item.id, periodKey, ...result },
    });
    const [company] = await tx
      .select({ legalRep: companies.legalRepPersonId })
      .from(companies)
      .where(eq(companies.id, item.companyId));
    const event: ServerEvent = {
      type: 'tax.return.accepted',
      data: { companyId: item.companyId, returnId: filed.returnId },
    };
    const people = new Set([batch.ownerPersonId, ...(company ? [company.legalRep] : [])]);
    return {
      status: 'done',
      result,
      after: async () => {
        for (const personId of people) ctx.bus.publish(personId, event);
      },
    };
  },
});
