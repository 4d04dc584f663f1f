import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { accessGroupClients, accessGroups, companies, delegations, firmClients } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { validateUscc } from '../../../shared/identifiers/uscc';
import { usccMessages } from '../../../shared/identifiers/messages';
import { text } from '../../../shared/text';
import type {
  AddClientBody,
  ClientAdded,
  FirmDelegationRequestBody,
  FirmRequestResult,
} from '../../../shared/api/firms';
import { requireClientAccess, type FirmMembership } from './access';
import { firmDelegationPort } from './firm-requests';

export const companyNotRegistered = (): DomainError =>
  new DomainError(
    'COMPANY_NOT_REGISTERED',
    text(
      '商通中没有这家企业：请核对统一社会信用代码，或请企业先在商通完成登记认证。',
      'No company with this code is on Shangtong: check the code, or ask the company to register on Shangtong first.',
    ),
    { field: 'uscc' },
  );

/** Records a company as the firm's client (contact kept up to date), optionally in a group. */
export const ensureClient = async (
  tx: DbOrTx,
  firmId: string,
  input: { companyId: string; contact: string | null; groupId: string | null },
): Promise<{ alreadyClient: boolean }> => {
  const [existing] = await tx
    .select({ contact: firmClients.contact })
    .from(firmClients)
    .where(and(eq(firmClients.firmId, firmId), eq(firmClients.companyId, input.companyId)));
  if (!existing)
    await tx.insert(firmClients).values({ firmId, companyId: input.companyId, contact: input.contact });
  else if (input.contact !== null && input.contact !== existing.contact)
    await tx
      .update(firmClients)
      .set({ contact: input.contact })
      .where(and(eq(firmClients.firmId, firmId), eq(firmClients.companyId, input.companyId)));
  if (input.groupId)
    await tx
      .insert(accessGroupClients)
      .values({ groupId: input.groupId, companyId: input.companyId })
      .onConflictDoNothing();
  return { alreadyClient: Boolean(existing) };
};

/** Adds one client by its USCC: the company must be registered on the platform. */
export const addClient = async (tx: DbOrTx, m: FirmMembership, body: AddClientBody): Promise<ClientAdded> => {
  const verdict = validateUscc(body.uscc, 'normalized');
  if (!verdict.valid) {
    const first = verdict.errors[0];
    throw new DomainError(
      'INVALID_USCC',
      first ? usccMessages[first] : text('统一社会信用代码无效。', 'Invalid code.'),
      { field: 'uscc' },
    );
  }
  const [company] = await tx
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(eq(companies.uscc, verdict.normalized));
  if (!company) throw companyNotRegistered();
  if (body.groupId) {
    const [g] = await tx
      .select({ id: accessGroups.id })
      .from(accessGroups)
      .where(and(eq(accessGroups.id, body.groupId), eq(accessGroups.firmId, m.firmId)));
    if (!g)
      throw new DomainError(
        'GROUP_NOT_FOUND',
        text('所选分组不属于本事务所。', 'The chosen group does not belong to this firm.'),
        { field: 'groupId' },
      );
  }
  const { alreadyClient } = await ensureClient(tx, m.firmId, {
    companyId: company.id,
    contact: body.contact ?? null,
    groupId: body.groupId ?? null,
  });
  await writeAudit(tx, {
    actorPersonId: m.personId,
    actingAs: 'firm-admin',
    action: 'firm.client.add',
    companyId: company.id,
    firmId: m.firmId,
    detail: { groupId: body.groupId ?? null, alreadyClient },
  });
  return { companyId: company.id, name: company.name, alreadyClient };
};

/**
 * Onboarding: the firm asks the client's legal representative for a company-level authorization,
 * approved by face on the same link as any delegation, with the firm as the grantee.
 */
export const requestClientDelegation = async (
  ctx: AppContext,
  tx: DbOrTx,
  m: FirmMembership,
  companyId: string,
  body: FirmDelegationRequestBody,
  replacesFirmId: string | null = null,
): Promise<FirmRequestResult & { row: Awaited<ReturnType<typeof firmDelegationPort.request>>['row'] }> => {
  await requireClientAccess(tx, m, companyId);
  const { row, linkPath } = await firmDelegationPort.request(ctx, tx, {
    companyId,
    firmId: m.firmId,
    firmName: m.firmName,
    requestedByPersonId: m.personId,
    scopes: body.scopes,
    validity: body.validity,
    note: body.note,
    replacesFirmId,
  });
  return {
    delegationId: row.id,
    linkPath,
    linkExpiresAt: (row.linkExpiresAt ?? ctx.now()).toISOString(),
    row,
  };
};

/**
 * Firm handover, asked by the incoming firm: the request names the firm that holds the client
 * now; approving it (by face) ends that firm's authorizations in the same transaction.
 */
export const requestHandover = async (
  ctx: AppContext,
  tx: DbOrTx,
  m: FirmMembership,
  companyId: string,
  body: FirmDelegationRequestBody,
): Promise<FirmRequestResult & { row: Awaited<ReturnType<typeof firmDelegationPort.request>>['row'] }> => {
  const holders = await tx
    .selectDistinct({ firmId: delegations.granteeFirmId })
    .from(delegations)
    .where(
      and(
        eq(delegations.companyId, companyId),
        eq(delegations.status, 'approved'),
        isNotNull(delegations.granteeFirmId),
        ne(delegations.granteeFirmId, m.firmId),
      ),
    );
  const from = holders.find((h) => h.firmId)?.firmId;
  if (!from || holders.length !== 1)
    throw new DomainError(
      'NO_FIRM_TO_REPLACE',
      holders.length > 1
        ? text(
            '该企业同时授权了多家代理机构，请逐一办理。',
            'Several firms act for this company; hand over one at a time.',
          )
        : text(
            '该企业目前没有其他代理机构的有效授权，请直接申请授权。',
            'No other firm acts for this company; request authorization directly.',
          ),
    );
  return requestClientDelegation(ctx, tx, m, companyId, body, from);
};
