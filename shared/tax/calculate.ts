import { type z } from 'zod';
import { type DomainError } from '../domain-error';
import { calculateCitAnnual, calculateCitPrepay } from './cit';
import { CalculateRequest, type CalculateResponse } from './contract';
import { calculateSurcharges } from './surcharges';
import { isTaxErrorCode, taxError, type TaxErrorCode } from './tax-error';
import { calculateVatGeneral } from './vat-general';
import { calculateVatSmallScale } from './vat-small-scale';

const dotted = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** The refusal for the first problem zod found; the schemas' messages are the codes. */
export const issueToError = (issue: z.core.$ZodIssue): DomainError => {
  const field = dotted(issue.path);
  if (issue.code === 'unrecognized_keys') {
    // Only the sales breakdown is strict: an unknown kind of sale is an item we do not compute.
    return taxError('UNSUPPORTED_ITEM', dotted([...issue.path, issue.keys[0] ?? '']));
  }
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? '') : issue.message;
  const code: TaxErrorCode = isTaxErrorCode(message) ? message : 'INVALID_REQUEST';
  return taxError(code, field);
};

/**
 * POST /api/v1/tax/calculate: validate, then compute. Throws DomainError (422) with the dotted
 * path of the offending field; never returns a partial result.
 */
export const calculate = (request: unknown): CalculateResponse => {
  const parsed = CalculateRequest.safeParse(request);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw first ? issueToError(first) : taxError('INVALID_REQUEST', '');
  }
  const r = parsed.data;
  switch (r.kind) {
    case 'vat-small-scale':
      return calculateVatSmallScale(r);
    case 'vat-general':
      return calculateVatGeneral(r);
    case 'surcharges':
      return calculateSurcharges(r);
    case 'cit-annual':
      return calculateCitAnnual(r);
    case 'cit-prepay':
      return calculateCitPrepay(r);
  }
};
