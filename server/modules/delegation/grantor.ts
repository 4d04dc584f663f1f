import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { auditLog, companies, delegations, persons } from '../../db/schema';
import { notFound } from '../../http/errors';
import { DomainError } from '../../../shared/domain-error';
import type { AuditEntryView } from '../../../shared/api/delegation';
import { text } from '../../../shared/text';
import { applyTransition, closeRequestInbox, informRequester } from './lifecycle';
import type { DelegationRow } from './views';

/** The delegation, if `personId` is the current legal representative of its company. */
export const loadAsLegalRep = async (tx: DbOrTx, id: string, personId: string): Promise<DelegationRow> => {
  const [found] = await tx
    .select({ d: delegations, legalRep: companies.legalRepPersonId })
    .from(delegations)
    .innerJoin(companies, eq(companies.id, delegations.companyId))
    .where(eq(delegations.id, id));
  if (!found) throw notFound(text('授权', 'Authorization'));
  if (found.legalRep !== personId)
    throw new DomainError(
      'NOT_LEGAL_REPRESENTATIVE',
      text(
        '只有该企业的法定代表人可以管理这项授权。',
        'Only the company’s legal representative can manage this authorization.',
      ),
    );
  return found.d;
};

/** Ends an active authorization at once: the delegate's next request is refused. */
export const revokeDelegation = async (
  ctx: AppContext,
  tx: DbOrTx,
  id: string,
  personId: string,
  reason: string | undefined,
): Promise<DelegationRow> => {
  const row = await loadAsLegalRep(tx, id, personId);
  const now = ctx.now();
  const updated = await applyTransition(
    tx,
    row,
    'revoke',
    { personId, actingAs: 'legal-representative' },
    { revokedAt: now, decisionNote: reason ?? null },
    { reason: reason ?? null },
  );
  await informRequester(
    tx,
    updated,
    'delegation.revoked',
    text('授权已被法定代表人撤销', 'Your authorization was revoked by the legal representative'),
    reason ? text(reason, reason) : undefined,
  );
  // Cached sessions of the delegate are re-read on every instance once this commits.
  if (updated.granteePersonId) await ctx.bus.sessionsChanged({ personId: updated.granteePersonId }, tx);
  return updated;
};

/** Declines a waiting request (no face needed: saying no grants nothing). */
export const rejectRequest = async (
  ctx: AppContext,
  tx: DbOrTx,
  row: DelegationRow,
  actor: { personId: string | null; actingAs: string },
  reason: string | undefined,
): Promise<DelegationRow> => {
  const now = ctx.now();
  const updated = await applyTransition(
    tx,
    row,
    'reject',
    actor,
    { decidedAt: now, decisionNote: reason ?? null },
    { reason: reason ?? null },
  );
  await closeRequestInbox(tx, row.id, now);
  await informRequester(
    tx,
    updated,
    'delegation.rejected',
    text('法定代表人拒绝了授权申请', 'The legal representative declined your request'),
    reason ? text(reason, reason) : undefined,
  );
  return updated;
};

/** Everything done under (and to) one authorization, oldest first. */
export const auditTrail = async (db: DbOrTx, delegationId: string): Promise<AuditEntryView[]> => {
  const rows = await db
    .select({ a: auditLog, actorName: persons.name })
    .from(auditLog)
    .leftJoin(persons, eq(persons.id, auditLog.actorPersonId))
    .where(and(eq(auditLog.delegationId, delegationId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map(({ a, actorName }) => ({
    at: a.at.toISOString(),
    action: a.action,
    actingAs: a.actingAs,
    actorName,
    detail: a.detail,
  }));
};
