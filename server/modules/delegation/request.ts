import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { accounts, companies, delegations, inboxItems, persons } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { HttpError, notFound } from '../../http/errors';
import type { Authority } from '../../auth/authorize';
import { postInbox } from '../inbox/post';
import type { DelegationRequestBody } from '../../../shared/api/delegation';
import { checkScopes, scopeInfo } from '../../../shared/delegation/scopes';
import {
  checkValidity,
  describeValidity,
  validityFromColumns,
  validityToColumns,
  type Validity,
} from '../../../shared/delegation/validity';
import { text } from '../../../shared/text';
import { applyTransition, closeRequestInbox } from './lifecycle';
import { approvalPath, issueLink } from './link-token';
import { delegationSettings } from './settings';
import type { DelegationRow } from './views';

const DAY_MS = 86_400_000;

type NewRequest = {
  companyId: string;
  requesterId: string;
  scopes: string[];
  validity: Validity;
  note: string | undefined;
  tasks: string[] | undefined;
  renews?: DelegationRow;
};

/** Creates a pending request with a fresh approval link, audits it and tells the legal representative. */
const insertRequest = async (ctx: AppContext, tx: DbOrTx, r: NewRequest): Promise<DelegationRow> => {
  const scopes = checkScopes(r.scopes);
  checkValidity(r.validity);
  const [company] = await tx.select().from(companies).where(eq(companies.id, r.companyId));
  if (!company) throw notFound(text('企业', 'Company'));
  if (company.legalRepPersonId === r.requesterId)
    throw new HttpError(
      409,
      'LEGAL_REP_NEEDS_NO_AUTHORIZATION',
      text(
        '您是该企业的法定代表人，可以直接办理，无需授权。',
        'You are this company’s legal representative and may act directly; no authorization is needed.',
      ),
    );
  const [pending] = await tx
    .select({ id: delegations.id })
    .from(delegations)
    .where(
      and(
        eq(delegations.companyId, company.id),
        eq(delegations.granteePersonId, r.requesterId),
        eq(delegations.status, 'pending'),
      ),
    );
  if (pending)
    throw new HttpError(
      409,
      'REQUEST_ALREADY_PENDING',
      text(
        '您已有一个待确认的授权申请，请等待确认，或取消后重新申请。',
        'You already have a request waiting; wait for it, or cancel it and ask again.',
      ),
    );
  const now = ctx.now();
  const link = issueLink(ctx.cipher, now, delegationSettings(ctx).linkDays);
  const [row] = await tx
    .insert(delegations)
    .values({
      companyId: company.id,
      grantorPersonId: company.legalRepPersonId,
      granteePersonId: r.requesterId,
      requestedByPersonId: r.requesterId,
      scopes,
      note: r.note && r.note.length > 0 ? r.note : null,
      status: 'pending',
      ...validityToColumns(r.validity),
      linkTokenHash: link.hash,
      linkTokenEnc: link.enc,
      linkExpiresAt: link.expiresAt,
      renewsDelegationId: r.renews?.id ?? null,
      requestedTasks: r.tasks ?? null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await writeAudit(tx, {
    actorPersonId: r.requesterId,
    actingAs: 'self',
    action: 'delegation.request',
    companyId: company.id,
    delegationId: row.id,
    detail: {
      to: 'pending',
      scopes,
      validity: r.validity,
      tasks: r.tasks ?? [],
      renews: r.renews?.id ?? null,
    },
  });
  const [requester] = await tx
    .select({ name: persons.name })
    .from(persons)
    .where(eq(persons.id, r.requesterId));
  const [grantorAccount] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.personId, company.legalRepPersonId));
  if (grantorAccount) {
    const what = scopes.map((s) => scopeInfo(s).name);
    const validity = describeValidity(r.validity);
    await postInbox(tx, {
      personId: company.legalRepPersonId,
      kind: 'delegation.request',
      title: text(
        `${requester?.name ?? ''} 请求${r.renews ? '续期' : ''}代 ${company.name} 办事的授权`,
        `${requester?.name ?? ''} asks to ${r.renews ? 'renew their ' : 'be given '}authorization to act for ${company.name}`,
      ),
      body: text(
        `范围：${what.map((w) => w.zh).join('、')}；期限：${validity.zh}`,
        `Scopes: ${what.map((w) => w.en).join(', ')}; for ${validity.en}`,
      ),
      link: approvalPath(link.token),
      refId: row.id,
    });
  }
  return row;
};

/** The agent asks the legal representative for authorization. */
export const requestDelegation = async (
  ctx: AppContext,
  tx: DbOrTx,
  authority: Authority,
  body: DelegationRequestBody,
): Promise<DelegationRow> =>
  insertRequest(ctx, tx, {
    companyId: authority.companyId,
    requesterId: authority.personId,
    scopes: body.scopes,
    validity: body.validity,
    note: body.note,
    tasks: body.tasks,
  });

const loadOwn = async (tx: DbOrTx, id: string, personId: string): Promise<DelegationRow> => {
  const [row] = await tx.select().from(delegations).where(eq(delegations.id, id));
  // Someone else's request is "not found" to this person, not "forbidden": its existence is not theirs to learn.
  if (!row || (row.requestedByPersonId !== personId && row.granteePersonId !== personId))
    throw notFound(text('授权申请', 'Authorization request'));
  return row;
};

/** Renewal: a new request with the same scopes and duration that starts where the current one ends. */
export const renewDelegation = async (
  ctx: AppContext,
  tx: DbOrTx,
  id: string,
  personId: string,
): Promise<DelegationRow> => {
  const current = await loadOwn(tx, id, personId);
  const wasApproved =
    current.status === 'approved' || (current.status === 'expired' && current.decidedAt !== null);
  if (!wasApproved || current.singleUse || current.granteePersonId !== personId)
    throw new HttpError(
      409,
      'RENEWAL_NOT_POSSIBLE',
      text(
        '只有本人已生效或已到期的期限授权可以续期；一次性授权请重新申请。',
        'Only your own active or ended time-limited authorization can be renewed; ask anew for single-use ones.',
      ),
    );
  const now = ctx.now();
  if (
    current.status === 'approved' &&
    current.validUntil &&
    current.validUntil.getTime() - now.getTime() > 30 * DAY_MS
  )
    throw new HttpError(
      409,
      'RENEWAL_TOO_EARLY',
      text('授权到期前 30 天内才能续期。', 'An authorization can be renewed from 30 days before it ends.'),
    );
  return insertRequest(ctx, tx, {
    companyId: current.companyId,
    requesterId: personId,
    scopes: current.scopes,
    validity: validityFromColumns(current),
    note: current.note ?? undefined,
    tasks: current.requestedTasks ?? undefined,
    renews: current,
  });
};

/** The agent withdraws a request that is still waiting. */
export const cancelRequest = async (
  ctx: AppContext,
  tx: DbOrTx,
  id: string,
  personId: string,
): Promise<DelegationRow> => {
  const row = await loadOwn(tx, id, personId);
  const updated = await applyTransition(tx, row, 'cancel', { personId, actingAs: 'self' });
  await closeRequestInbox(tx, row.id, ctx.now());
  return updated;
};

/** A new link for a waiting request: the old one stops working, the 7 days start again. */
export const resendRequest = async (
  ctx: AppContext,
  tx: DbOrTx,
  id: string,
  personId: string,
): Promise<DelegationRow> => {
  const row = await loadOwn(tx, id, personId);
  if (row.status !== 'pending')
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
    actorPersonId: personId,
    actingAs: 'self',
    action: 'delegation.resend',
    companyId: row.companyId,
    delegationId: row.id,
    detail: { linkExpiresAt: link.expiresAt.toISOString() },
  });
  return updated;
};
