import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { accounts, companies, delegations, inboxItems } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { HttpError, notFound } from '../../http/errors';
import { postInbox } from '../inbox/post';
import { approvalPath, issueLink } from '../delegation/link-token';
import { delegationSettings } from '../delegation/settings';
import { checkScopes, scopeInfo } from '../../../shared/delegation/scopes';
import {
  checkValidity,
  describeValidity,
  validityToColumns,
  type Validity,
} from '../../../shared/delegation/validity';
import { text } from '../../../shared/text';

/*
 * The delegation module's request functions name a person as grantee; a firm-grantee request is
 * the same pending row with `grantee_firm_id`, approved by the legal representative through the
 * same face-verified link (its approval code does not look at the grantee). These two functions
 * are the port the firm workspace uses; when the delegation module exports firm-grantee variants,
 * `firmDelegationPort` should point at them instead.
 */

export type DelegationRow = typeof delegations.$inferSelect;

export type FirmRequestInput = {
  companyId: string;
  firmId: string;
  firmName: string;
  requestedByPersonId: string;
  scopes: readonly string[];
  validity: Validity;
  note?: string | undefined;
  renewsDelegationId?: string | null;
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

const request: FirmDelegationPort['request'] = async (ctx, tx, r) => {
  const scopes = checkScopes([...r.scopes]);
  checkValidity(r.validity);
  const [company] = await tx.select().from(companies).where(eq(companies.id, r.companyId));
  if (!company) throw notFound(text('企业', 'Company'));
  const [pending] = await tx
    .select({ id: delegations.id })
    .from(delegations)
    .where(
      and(
        eq(delegations.companyId, company.id),
        eq(delegations.granteeFirmId, r.firmId),
        eq(delegations.status, 'pending'),
      ),
    );
  if (pending)
    throw new HttpError(
      409,
      'REQUEST_ALREADY_PENDING',
      text(
        '本事务所已有一个待法定代表人确认的授权申请，可重新发送或等待确认。',
        'The firm already has a request waiting for the legal representative; re-send it or wait.',
      ),
    );
  const now = ctx.now();
  const link = issueLink(ctx.cipher, now, delegationSettings(ctx).linkDays);
  const [row] = await tx
    .insert(delegations)
    .values({
      companyId: company.id,
      grantorPersonId: company.legalRepPersonId,
      granteeFirmId: r.firmId,
      requestedByPersonId: r.requestedByPersonId,
      scopes,
      note: r.note && r.note.length > 0 ? r.note : null,
      status: 'pending',
      ...validityToColumns(r.validity),
      linkTokenHash: link.hash,
      linkTokenEnc: link.enc,
      linkExpiresAt: link.expiresAt,
      renewsDelegationId: r.renewsDelegationId ?? null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await writeAudit(tx, {
    actorPersonId: r.requestedByPersonId,
    actingAs: 'firm-staff',
    action: 'delegation.request',
    companyId: company.id,
    delegationId: row.id,
    firmId: r.firmId,
    detail: {
      to: 'pending',
      grantee: 'firm',
      scopes,
      validity: r.validity,
      renews: r.renewsDelegationId ?? null,
    },
  });
  const [grantorAccount] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.personId, company.legalRepPersonId));
  if (grantorAccount) {
    const what = scopes.map((s) => scopeInfo(s).name);
    const validity = describeValidity(r.validity);
    const renewing = Boolean(r.renewsDelegationId);
    await postInbox(tx, {
      personId: company.legalRepPersonId,
      kind: 'delegation.request',
      title: text(
        `${r.firmName} 请求${renewing ? '续期' : ''}代 ${company.name} 办事的授权`,
        `${r.firmName} asks to ${renewing ? 'renew its ' : 'be given '}authorization to act for ${company.name}`,
      ),
      body: text(
        `范围：${what.map((w) => w.zh).join('、')}；期限：${validity.zh}`,
        `Scopes: ${what.map((w) => w.en).join(', ')}; for ${validity.en}`,
      ),
      link: approvalPath(link.token),
      refId: row.id,
    });
  }
  return { row, linkPath: approvalPath(link.token) };
};

const resend: FirmDelegationPort['resend'] = async (ctx, tx, row, by) => {
  if (row.status !== 'pending' || row.granteeFirmId !== by.firmId)
    throw new HttpError(
      409,
      'REQUEST_NOT_PENDING',
      text(
        '只有待确认的申请可以重新发送；请重新申请。',
        'Only a waiting request can be re-sent; make a new request.',
      ),
    );
  const now = ctx.now();
  const link = issueLink(ctx.cipher, now, delegationSettings(ctx).linkDays);
  const [updated] = await tx
    .update(delegations)
    .set({ linkTokenHash: link.hash, linkTokenEnc: link.enc, linkExpiresAt: link.expiresAt })
    .where(and(eq(delegations.id, row.id), eq(delegations.status, 'pending')))
    .returning();
  if (!updated)
    throw new HttpError(
      409,
      'DELEGATION_CHANGED',
      text('该申请刚刚被更新，请刷新。', 'The request just changed; refresh.'),
    );
  await tx
    .update(inboxItems)
    .set({ link: approvalPath(link.token), readAt: null, createdAt: now })
    .where(and(eq(inboxItems.refId, row.id), eq(inboxItems.kind, 'delegation.request')));
  await writeAudit(tx, {
    actorPersonId: by.personId,
    actingAs: by.personId ? 'firm-staff' : 'system',
    action: 'delegation.resend',
    companyId: row.companyId,
    delegationId: row.id,
    firmId: by.firmId,
    detail: { linkExpiresAt: link.expiresAt.toISOString(), automatic: by.personId === null },
  });
  return { row: updated, linkPath: approvalPath(link.token) };
};

export const firmDelegationPort: FirmDelegationPort = { request, resend };
