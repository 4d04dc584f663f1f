/** The tax engine: pure, exact (decimal.js), shared by the renderer's previews and the server. */
export { calculate, issueToError } from './calculate';
export * from './contract';
export {
  calculateCitAnnual,
  calculateCitPrepay,
  smallLowProfitFailures,
  SMALL_LOW_PROFIT_LIMITS,
} from './cit';
export type { CitAnnualInput, CitPrepayInput } from './cit';
export { formatMoney, moneyIssue, parseMoney, round2, TaxDecimal } from './money';
export * from './period';
export { Relief, reliefs } from './reliefs';
export { CITY_TAX_RATE, calculateSurcharges } from './surcharges';
export type { SurchargesInput } from './surcharges';
export { TAX_ERROR_CODES, taxError } from './tax-error';
export type { TaxErrorCode } from './tax-error';
export { calculateVatGeneral } from './vat-general';
export type { VatGeneralInput } from './vat-general';
export { calculateVatSmallScale, SMALL_SCALE_LIMIT } from './vat-small-scale';
export type { VatSmallScaleInput } from './vat-small-scale';
export * from './invoices';
export { summarizeInvoices } from './invoice-summary';
