import { GENERAL_RATES, type TaxLine, type VatGeneralRequest, type VatGeneralResponse } from './contract';
import {
  formatMoney,
  maxZero,
  parseOptionalMoney,
  percent,
  round2,
  sum,
  type TaxDecimal,
  ZERO,
} from './money';
import { regimeForPeriod } from './period';
import { type Relief, reliefs } from './reliefs';
import { taxError } from './tax-error';

export type VatGeneralInput = Omit<VatGeneralRequest, 'kind'>;

const isGeneralRate = (k: string): boolean => (GENERAL_RATES as readonly string[]).includes(k);

const checkRates = (map: Record<string, unknown> | undefined, field: string): void => {
  for (const key of Object.keys(map ?? {}))
    if (!isGeneralRate(key)) throw taxError('INVALID_RATE', `${field}.${key}`);
};

/**
 * 一般纳税人增值税 (tax.md §2): output tax per rate on ex-VAT sales (tax-inclusive sales are first
 * divided by 1 + rate and rounded), less input tax and the opening credit. A negative result is
 * no payment and a credit carried forward (留抵).
 */
export const calculateVatGeneral = (input: VatGeneralInput): VatGeneralResponse => {
  if (input.period) regimeForPeriod(input.period);
  checkRates(input.salesByRate, 'salesByRate');
  checkRates(input.inclusiveSalesByRate, 'inclusiveSalesByRate');

  const lines: TaxLine[] = [];
  const taxes: TaxDecimal[] = [];
  for (const rate of GENERAL_RATES) {
    const exclusive = parseOptionalMoney(input.salesByRate?.[rate], `salesByRate.${rate}`);
    const inclusive = parseOptionalMoney(input.inclusiveSalesByRate?.[rate], `inclusiveSalesByRate.${rate}`);
    const base = exclusive.plus(round2(inclusive.dividedBy(percent(rate).plus(1))));
    if (base.isZero()) continue;
    const tax = round2(base.times(percent(rate)));
    taxes.push(tax);
    lines.push({ rate, base: formatMoney(base), tax: formatMoney(tax) });
  }
  const outputTax = sum(taxes);
  const inputTax = parseOptionalMoney(input.inputTax, 'inputTax');
  const opening = parseOptionalMoney(input.carriedForwardCredit, 'carriedForwardCredit');
  const balance = outputTax.minus(inputTax).minus(opening);

  const notes: Relief[] = balance.isNegative() ? [reliefs.creditCarriedForward()] : [];
  return {
    kind: 'vat-general',
    outputTax: formatMoney(outputTax),
    vatPayable: formatMoney(maxZero(balance)),
    creditCarriedForward: formatMoney(balance.isNegative() ? balance.negated() : ZERO),
    lines,
    reliefs: notes,
  };
};
