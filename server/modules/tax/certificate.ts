import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { issueLicence } from '../licences';
import { periodEnd, periodStart } from '../../../shared/api/tax';
import { TaxDecimal } from '../../../shared/tax/money';
import type { TaxPeriod } from '../../../shared/tax/period';
import { nextDocumentNumber } from './company';
import type { ReturnRow } from './views';

/** The licence catalogue's type for the 税收完税证明 (shared/licences/types/trade-finance.ts). */
export const TAX_PAYMENT_CERTIFICATE_TYPE = 'tax-payment-certificate';

export type IssuedCertificate = {
  number: string;
  licenceId: string | null;
  identifier: string | null;
  fields: Record<string, string | string[]>;
};

const TAX_ITEM_NAMES: Record<string, string> = {
  vat: '增值税',
  'city-tax': '城市维护建设税',
  edu: '教育费附加',
  'local-edu': '地方教育附加',
  'cit-payable': '企业所得税',
};

/** The taxes with something to pay on the return, by their names on the certificate. */
export const taxItemsOf = (r: ReturnRow): string[] => {
  const items = (r.computation?.lines ?? [])
    .filter((l) => TAX_ITEM_NAMES[l.code] && new TaxDecimal(l.value).greaterThan(0))
    .map((l) => TAX_ITEM_NAMES[l.code] ?? l.code);
  return items.length > 0 ? items : [r.tax === 'vat' ? '增值税' : '企业所得税'];
};

const periodText = (p: TaxPeriod): string => `${periodStart(p)}至${periodEnd(p)}`;

/**
 * Issues the 税收完税证明 for a simulated payment, signed by the tax authority's key through the
 * licences module, so it lands in the company's licence wallet and verifies offline like any
 * licence. The fields are also kept on the payment row.
 */
export const issueTaxPaymentCertificate = async (
  tx: DbOrTx,
  ctx: AppContext,
  input: { taxReturn: ReturnRow; companyName: string; amount: string; paidOn: string },
): Promise<IssuedCertificate> => {
  const number = await nextDocumentNumber(tx, 'WS', input.paidOn);
  const fields = {
    certificateNumber: number,
    taxpayerName: input.companyName,
    taxItems: taxItemsOf(input.taxReturn),
    taxPeriod: periodText(input.taxReturn.period),
    amount: input.amount,
    paidOn: input.paidOn,
  };
  const issued = await issueLicence(tx, ctx, {
    typeKey: TAX_PAYMENT_CERTIFICATE_TYPE,
    holder: { companyId: input.taxReturn.companyId },
    fields,
    validFrom: input.paidOn,
  });
  return { number, licenceId: issued.id, identifier: issued.identifier, fields };
};
