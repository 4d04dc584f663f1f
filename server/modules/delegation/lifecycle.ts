import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, delegations, firmMembers, inboxItems } from '../../db/schema';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { postInbox } from '../inbox';
import { nextStatus, type DelegationEvent } from '../../../shared/delegation/status';
import type { DelegationEventData } from '../../../shared/api/delegation';
import type { DelegationEventKind } from '../../../shared/api/events';
import { text, type LocalizedText } from '../../../shared/text';
import type { DelegationRow } from './views';

export type TransitionActor = { personId: string | null; actingAs: string };

/**
 * Moves a delegation along the status model, guarded against a concurrent change (the update only
 * applies if the status is still the one read), and audits it in the same transaction.
 */
export const applyTransition = async (
  tx: DbOrTx,
  row: DelegationRow,
  event: DelegationEvent,
  actor: TransitionActor,
  patch: Partial<typeof delegations.$inferInsert> = {},
  detail: Record<string, unknown> = {},
): Promise<DelegationRow> => {
  const to = nextStatus(row.status, event);
  const [updated] = await tx
    .update(delegations)
    .set({ ...patch, status: to })
    .where(and(eq(delegations.id, row.id), eq(delegations.status, row.status)))
    .returning();
  if (!updated)
    throw new DomainError(
      'DELEGATION_CHANGED',
      text(
        '该授权刚刚被其他操作更新，请刷新后再试。',
        'This authorization was just changed by someone else; refresh and try again.',
      ),
    );
  await writeAudit(tx, {
    actorPersonId: actor.personId,
    actingAs: actor.actingAs,
    action: `delegation.${event}`,
    companyId: row.companyId,
    delegationId: row.id,
    firmId: row.granteeFirmId,
    detail: { from: row.status, to, ...detail },
  });
  return updated;
};

/** The request is answered one way or another: the legal representative's inbox item is done. */
export const closeRequestInbox = async (tx: DbOrTx, delegationId: string, now: Date): Promise<void> => {
  await tx
    .update(inboxItems)
    .set({ doneAt: now })
    .where(
      and(
        eq(inboxItems.refId, delegationId),
        eq(inboxItems.kind, 'delegation.request'),
        isNull(inboxItems.doneAt),
      ),
    );
};

/** Tells the requester (and the grantee, if someone else) in their inbox. */
export const informRequester = async (
  tx: DbOrTx,
  row: DelegationRow,
  kind: string,
  title: LocalizedText,
  body?: LocalizedText,
): Promise<void> => {
  const people = new Set([row.requestedByPersonId, ...(row.granteePersonId ? [row.granteePersonId] : [])]);
  for (const personId of people)
    await postInbox(tx, {
      personId,
      kind,
      title,
      ...(body ? { body } : {}),
      link: `/companies/${row.companyId}`,
      refId: row.id,
    });
};

const recipients = async (db: DbOrTx, row: DelegationRow): Promise<string[]> => {
  const people = new Set<string>([row.grantorPersonId, row.requestedByPersonId]);
  if (row.granteePersonId) people.add(row.granteePersonId);
  if (row.granteeFirmId) {
    const members = await db
      .select({ personId: firmMembers.personId })
      .from(firmMembers)
      .where(eq(firmMembers.firmId, row.granteeFirmId));
    for (const m of members) people.add(m.personId);
  }
  return [...people];
};

/**
 * Publishes `delegation.<what>` to everyone concerned through the event outbox: pass the change's
 * transaction as `db` and the event commits (or rolls back) with it.
 */
export const announce = async (
  ctx: AppContext,
  row: DelegationRow,
  what: DelegationEventKind,
  db: DbOrTx = ctx.db,
): Promise<void> => {
  const [company] = await db
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, row.companyId));
  const data: DelegationEventData = {
    delegationId: row.id,
    companyId: row.companyId,
    companyName: company?.name ?? '',
    status: row.status,
    validUntil: row.validUntil ? row.validUntil.toISOString() : null,
  };
  const roleOf = (personId: string): DelegationEventData['role'] =>
    personId === row.grantorPersonId
      ? 'grantor'
      : personId === row.requestedByPersonId
        ? 'requester'
        : 'other';
  for (const personId of new Set(await recipients(db, row)))
    await ctx.bus.publish(
      personId,
      { type: `delegation.${what}`, data: { ...data, role: roleOf(personId) } },
      db,
    );
};
