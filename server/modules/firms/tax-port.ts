import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import type { Authority } from '../../auth/authorize';
import { DomainError } from '../../../shared/domain-error';
import { fileZeroReturn } from '../tax';
import { loadReturnDetail } from '../tax';
import { receiptPdf } from '../tax';
import { text } from '../../../shared/text';
import type { TaxPeriod } from '../../../shared/tax/period';

/**
 * What batch zero filing and receipt export need from the tax module. The firm workspace never
 * writes returns itself: it calls these, inside the batch item's transaction.
 */
export type ZeroFilingInput = {
  companyId: string;
  tax: 'vat';
  period: TaxPeriod;
  authority: Authority;
  /** The session that started the batch: it signs each return. */
  sessionId: string;
};
export type ZeroFilingResult = { returnId: string; receiptNumber: string | null; alreadyFiled: boolean };
export type ReceiptFile = { fileName: string; pdf: Buffer };

export type TaxPort = {
  /** Files a nil return for the period, or reports the one already filed. Idempotent; runs in `tx`. */
  fileZero: (ctx: AppContext, tx: DbOrTx, input: ZeroFilingInput) => Promise<ZeroFilingResult>;
  /** The 申报回执 PDF of an accepted return. */
  receipt: (
    ctx: AppContext,
    db: DbOrTx,
    input: { companyId: string; returnId: string },
  ) => Promise<ReceiptFile>;
};

const unavailable = (): never => {
  throw new DomainError(
    'TAX_FILING_UNAVAILABLE',
    text('税费申报服务暂不可用，请稍后重试。', 'Tax filing is not available right now; retry later.'),
  );
};

/** A port whose every call fails with a clear, retryable message (tests of the failure path). */
export const unavailableTaxPort: TaxPort = {
  fileZero: async () => unavailable(),
  receipt: async () => unavailable(),
};

/** The tax module itself. */
const taxModulePort: TaxPort = {
  fileZero: async (ctx, tx, input) => {
    const { row, created } = await fileZeroReturn(tx, ctx, input);
    return { returnId: row.id, receiptNumber: row.receiptNumber, alreadyFiled: !created };
  },
  receipt: async (_ctx, db, input) => {
    const detail = await loadReturnDetail(db, input.companyId, input.returnId);
    return { fileName: `申报回执-${detail.receiptNumber ?? detail.id}.pdf`, pdf: await receiptPdf(detail) };
  },
};

/** Wires the tax module (at platform start) or a test double into a context. */
export const setTaxPort = (ctx: AppContext, port: TaxPort): void => {
  ctx.services.taxPort = port;
};

export const taxPortFor = (ctx: AppContext): TaxPort => ctx.services.taxPort ?? taxModulePort;
