import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { requestAuthorization, resendPendingRequest } from '../delegation';
import type { DelegationRow } from '../delegation';
import type { Validity } from '../../../shared/delegation/validity';

/*
 * The firm workspace's port to the delegation module: a firm-grantee request is the same pending
 * row as a person's, with `grantee_firm_id`, approved by the legal representative through the same
 * face-verified link. The delegation module's `requestAuthorization` / `resendPendingRequest` do
 * the work; these adapt the firm's inputs to them.
 */

export type { DelegationRow };

export type FirmRequestInput = {
  companyId: string;
  firmId: string;
  firmName: string;
  requestedByPersonId: string;
  scopes: readonly string[];
  validity: Validity;
  note?: string | undefined;
  renewsDelegationId?: string | null;
  /** A handover: the firm whose authorizations end when this request is approved. */
  replacesFirmId?: string | null;
};

export type FirmDelegationPort = {
  request: (
    ctx: AppContext,
    tx: DbOrTx,
    input: FirmRequestInput,
  ) => Promise<{ row: DelegationRow; linkPath: string }>;
  /** A fresh link for a waiting request (the old one stops working); `personId` null for the automatic re-send. */
  resend: (
    ctx: AppContext,
    tx: DbOrTx,
    row: DelegationRow,
    by: { personId: string | null; firmId: string },
  ) => Promise<{ row: DelegationRow; linkPath: string }>;
};

export const firmDelegationPort: FirmDelegationPort = {
  request: (ctx, tx, r) =>
    requestAuthorization(ctx, tx, {
      companyId: r.companyId,
      grantee: { kind: 'firm', firmId: r.firmId, firmName: r.firmName, requestedBy: r.requestedByPersonId },
      scopes: r.scopes,
      validity: r.validity,
      note: r.note,
      renewsId: r.renewsDelegationId ?? null,
      replacesFirmId: r.replacesFirmId ?? null,
    }),
  resend: (ctx, tx, row, by) =>
    resendPendingRequest(ctx, tx, row, { kind: 'firm', firmId: by.firmId, personId: by.personId }),
};
