import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types';
import { auditLog, delegations } from '../db/schema';
import type { Authority } from '../auth/authorize';

export type AuditEntry = {
  actorPersonId: string | null;
  actingAs: string;
  action: string;
  companyId?: string | null;
  delegationId?: string | null;
  firmId?: string | null;
  detail?: Record<string, unknown>;
};

/** Appends an audit record; call it inside the transaction that makes the change. */
export const writeAudit = async (tx: DbOrTx, entry: AuditEntry): Promise<void> => {
  await tx.insert(auditLog).values({
    actorPersonId: entry.actorPersonId,
    actingAs: entry.actingAs,
    action: entry.action,
    companyId: entry.companyId ?? null,
    delegationId: entry.delegationId ?? null,
    firmId: entry.firmId ?? null,
    detail: entry.detail ?? {},
  });
};

/**
 * Audits an action taken on a company's behalf under an authority, and consumes a single-use
 * delegation in the same transaction.
 */
export const auditActingFor = async (
  tx: DbOrTx,
  authority: Authority,
  action: string,
  detail: Record<string, unknown> = {},
  now: Date = new Date(),
): Promise<void> => {
  await writeAudit(tx, {
    actorPersonId: authority.personId,
    actingAs: authority.actingAs,
    action,
    companyId: authority.companyId,
    delegationId: authority.delegationId ?? null,
    firmId: authority.firmId ?? null,
    detail,
  });
  if (authority.singleUse && authority.delegationId) {
    await tx.update(delegations).set({ usedAt: now }).where(eq(delegations.id, authority.delegationId));
  }
};
