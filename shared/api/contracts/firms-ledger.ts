import { defineContract } from '../contract';
import {
  FirmParams,
  Ledger,
  FirmDelegationParams,
  FirmRequestResult,
  RenewalBatchBody,
  BatchView,
} from '../firms';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The firms (ledger) endpoints: one declaration each, implemented in server/modules/firms/routes-ledger.ts. */
export const firmsLedgerApi = {
  ledger: defineContract({
    method: 'GET',
    path: '/api/v1/firms/:firmId/delegations',
    summary: 'The delegation ledger: every authorization of the firm across clients, with countdowns',
    tags: ['firms'],
    access: { kind: 'user' },
    params: FirmParams,
    response: Ledger,
  }),
  ledgerXlsx: defineContract({
    method: 'GET',
    path: '/api/v1/firms/:firmId/delegations.xlsx',
    summary: 'The delegation ledger as an Excel workbook',
    tags: ['firms'],
    access: { kind: 'user' },
    params: FirmParams,
    produces: xlsxType,
  }),
  resend: defineContract({
    method: 'POST',
    path: '/api/v1/firms/:firmId/delegations/:delegationId/resend',
    summary: 'Re-send a waiting request: a fresh approval link (the old one stops working)',
    tags: ['firms'],
    access: { kind: 'user' },
    params: FirmDelegationParams,
    response: FirmRequestResult,
    idempotent: true,
  }),
  renew: defineContract({
    method: 'POST',
    path: '/api/v1/firms/:firmId/delegations/renewals',
    summary:
      'Batch: renewal requests for every authorization ending within N days (each face-verified by its legal representative)',
    tags: ['firms'],
    access: { kind: 'user' },
    params: FirmParams,
    body: RenewalBatchBody,
    response: BatchView,
    status: 201,
    idempotent: true,
  }),
};
