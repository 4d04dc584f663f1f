import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { accounts, companies, delegations, inboxItems, persons } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { notFound } from '../../http/errors';
import { DomainError } from '../../../shared/domain-error';
import type { Authority } from '../../auth/authorize';
import { postInbox } from '../inbox';
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

/**
 * Who would hold the authorization: the person asking for it, or a firm (any of its staff may
 * ask; `requestedBy` is who did). Either way the company's legal representative approves it by
 * face on the same link; the approval does not look at the grantee.
 */
export type Grantee =
  | { kind: 'person'; personId: string }
  | { kind: 'firm'; firmId: string; firmName: string; requestedBy: string };

export type NewRequest = {
  companyId: string;
  grantee: Grantee;
  scopes: readonly string[];
  validity: Validity;
  note: string | undefined;
  /** What a person means to do under it (a firm does not say). */
  tasks?: string[] | undefined;
  /** The authorization this one continues (a renewal). */
  renewsId?: string | null;
  /** A firm handover: the firm whose authorizations end when this one is approved. */
  replacesFirmId?: string | null;
};

const alreadyPending = {
  person: text(
    '您已有一个待确认的授权申请，请等待确认，或取消后重新申请。',
    'You already have a request waiting; wait for it, or cancel it and ask again.',
  ),
  firm: text(
    '本事务所已有一个待法定代表人确认的授权申请，可重新发送或等待确认。',
    'The firm already has a request waiting for the legal representative; re-send it or wait.',
  ),
};

/** Who the legal representative's inbox names as asking: the person, or the firm. */
const askerName = async (tx: DbOrTx, g: Grantee): Promise<string> => {
  if (g.kind === 'firm') return g.firmName;
  const [person] = await tx.select({ name: persons.name }).from(persons).where(eq(persons.id, g.personId));
  return person?.name ?? '';
};

/**
 * Creates a pending request with a fresh approval link, audits it and tells the legal
 * representative. Serves both a person and a firm as grantee.
 */
export const requestAuthorization = async (
  ctx: AppContext,
  tx: DbOrTx,
  r: NewRequest,
): Promise<{ row: DelegationRow; linkPath: string }> => {
  const g = r.grantee;
  const requesterId = g.kind === 'person' ? g.personId : g.requestedBy;
  const scopes = checkScopes(r.scopes);
  checkValidity(r.validity);
  const [company] = await tx.select().from(companies).where(eq(companies.id, r.companyId));
  if (!company) throw notFound(text('企业', 'Company'));
  if (g.kind === 'person' && company.legalRepPersonId === g.personId)
    throw new DomainError(
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
        g.kind === 'person'
          ? eq(delegations.granteePersonId, g.personId)
          : eq(delegations.granteeFirmId, g.firmId),
        eq(delegations.status, 'pending'),
      ),
    );
  if (pending) throw new DomainError('REQUEST_ALREADY_PENDING', alreadyPending[g.kind]);
  const now = ctx.now();
  const link = issueLink(ctx.cipher, now, delegationSettings(ctx).linkDays);
  const renews = r.renewsId ?? null;
  const [row] = await tx
    .insert(delegations)
    .values({
      companyId: company.id,
      grantorPersonId: company.legalRepPersonId,
      ...(g.kind === 'person' ? { granteePersonId: g.personId } : { granteeFirmId: g.firmId }),
      requestedByPersonId: requesterId,
      scopes,
      note: r.note && r.note.length > 0 ? r.note : null,
      status: 'pending',
      ...validityToColumns(r.validity),
      linkTokenHash: link.hash,
      linkTokenEnc: link.enc,
      linkExpiresAt: link.expiresAt,
      renewsDelegationId: renews,
      replacesFirmId: r.replacesFirmId ?? null,
      requestedTasks: r.tasks ?? null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await writeAudit(tx, {
    actorPersonId: requesterId,
    actingAs: g.kind === 'person' ? 'self' : 'firm-staff',
    action: 'delegation.request',
    companyId: company.id,
    delegationId: row.id,
    firmId: g.kind === 'firm' ? g.firmId : null,
    detail:
      g.kind === 'person'
        ? { to: 'pending', scopes, validity: r.validity, tasks: r.tasks ?? [], renews }
        : { to: 'pending', grantee: 'firm', scopes, validity: r.validity, renews },
  });
  const asker = await askerName(tx, g);
  const [grantorAccount] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.personId, company.legalRepPersonId));
  if (grantorAccount) {
    const what = scopes.map((s) => scopeInfo(s).name);
    const validity = describeValidity(r.validity);
    const renewOwn = g.kind === 'person' ? 'renew their ' : 'renew its ';
    await postInbox(tx, {
      personId: company.legalRepPersonId,
      kind: 'delegation.request',
      title: text(
        `${asker} 请求${renews ? '续期' : ''}代 ${company.name} 办事的授权`,
        `${asker} asks to ${renews ? renewOwn : 'be given '}authorization to act for ${company.name}`,
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

/** The agent asks the legal representative for authorization. */
export const requestDelegation = async (
  ctx: AppContext,
  tx: DbOrTx,
  authority: Authority,
  body: DelegationRequestBody,
): Promise<DelegationRow> => {
  const { row } = await requestAuthorization(ctx, tx, {
    companyId: authority.companyId,
    grantee: { kind: 'person', personId: authority.personId },
    scopes: body.scopes,
    validity: body.validity,
    note: body.note,
    tasks: body.tasks,
  });
  return row;
};

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
    throw new DomainError(
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
    throw new DomainError(
      'RENEWAL_TOO_EARLY',
      text('授权到期前 30 天内才能续期。', 'An authorization can be renewed from 30 days before it ends.'),
    );
  const { row } = await requestAuthorization(ctx, tx, {
    companyId: current.companyId,
    grantee: { kind: 'person', personId },
    scopes: current.scopes,
    validity: validityFromColumns(current),
    note: current.note ?? undefined,
    tasks: current.requestedTasks ?? undefined,
    renewsId: current.id,
  });
  return row;
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

/** A new link for the agent's own waiting request: the old one stops working, the 7 days start again. */
export const resendRequest = async (
  ctx: AppContext,
  tx: DbOrTx,
  id: string,
  personId: string,
): Promise<DelegationRow> => {
  const row = await loadOwn(tx, id, personId);
  const resent = await resendPendingRequest(ctx, tx, row, { kind: 'person', personId });
  return resent.row;
};

/**
 * Who re-sends a waiting request: the person who asked, or for a firm's request one of its staff
 * (`personId` null: the firm workspace's automatic re-send).
 */
export type Resender =
  { kind: 'person'; personId: string } | { kind: 'firm'; firmId: string; personId: string | null };

/**
 * A new link for a waiting request: the old one stops working, the link's days start again, and
 * the legal representative's inbox item comes back unread with the new link.
 */
export const resendPendingRequest = async (
  ctx: AppContext,
  tx: DbOrTx,
  row: DelegationRow,
  by: Resender,
): Promise<{ row: DelegationRow; linkPath: string }> => {
  if (row.status !== 'pending' || (by.kind === 'firm' && row.granteeFirmId !== by.firmId))
    throw new DomainError(
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
    throw new DomainError(
      'DELEGATION_CHANGED',
      text('该申请刚刚被更新，请刷新。', 'The request just changed; refresh.'),
    );
  await tx
    .update(inboxItems)
    .set({ link: approvalPath(link.token), readAt: null, createdAt: now })
    .where(and(eq(inboxItems.refId, row.id), eq(inboxItems.kind, 'delegation.request')));
  const linkExpiresAt = link.expiresAt.toISOString();
  await writeAudit(tx, {
    actorPersonId: by.personId,
    actingAs: by.kind === 'person' ? 'self' : by.personId ? 'firm-staff' : 'system',
    action: 'delegation.resend',
    companyId: row.companyId,
    delegationId: row.id,
    firmId: by.kind === 'firm' ? by.firmId : null,
    detail: by.kind === 'person' ? { linkExpiresAt } : { linkExpiresAt, automatic: by.personId === null },
  });
  return { row: updated, linkPath: approvalPath(link.token) };
};
