import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain-error';
import { TAX_ERROR_CODES } from '../../shared/tax/tax-error';
import { text } from '../../shared/text';
import { HttpError, httpStatusOf } from './errors';

const t = text('拒绝', 'Refused');

describe('the status of a domain error', () => {
  it('comes from the one table by code; an unlisted code is a refusal of the input (422)', () => {
    expect(httpStatusOf(new DomainError('DELEGATION_STATE_CONFLICT', t))).toBe(409);
    expect(httpStatusOf(new DomainError('MALFORMED_QR', t))).toBe(400);
    expect(httpStatusOf(new DomainError('FIRM_ADMIN_ONLY', t))).toBe(403);
    expect(httpStatusOf(new DomainError('SHARE_NOT_FOUND', t))).toBe(404);
    expect(httpStatusOf(new DomainError('LINK_EXPIRED', t))).toBe(410);
    expect(httpStatusOf(new DomainError('REQUEST_LOCKED', t))).toBe(423);
    expect(httpStatusOf(new DomainError('APPROVAL_FAILED', t))).toBe(500);
    expect(httpStatusOf(new DomainError('TAX_FILING_UNAVAILABLE', t))).toBe(503);
    expect(httpStatusOf(new DomainError('UPLOAD_REQUIRED', t, { field: 'file' }))).toBe(422);
    for (const code of TAX_ERROR_CODES)
      expect(httpStatusOf(new DomainError(code, t, { field: 'x' }))).toBe(422);
  });

  it('tells a missing path resource (404) from a bad reference in the body (422)', () => {
    expect(httpStatusOf(new DomainError('GROUP_NOT_FOUND', t))).toBe(404);
    expect(httpStatusOf(new DomainError('GROUP_NOT_FOUND', t, { field: 'groupId' }))).toBe(422);
    expect(httpStatusOf(new DomainError('NOT_A_CLIENT', t))).toBe(404);
    expect(httpStatusOf(new DomainError('NOT_A_CLIENT', t, { field: 'companyIds' }))).toBe(422);
  });

  it('keeps the explicit status of an HttpError', () => {
    expect(httpStatusOf(new HttpError(409, 'UPLOAD_REQUIRED', t))).toBe(409);
  });
});
