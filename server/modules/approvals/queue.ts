import { and, eq, gt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../context';
import { companies, delegations, persons } from '../../db/schema';
import type { ApprovalItem } from '../../../shared/api/approvals';
import { pendingFaceConfirmations } from '../registration';

/**
 * Everything waiting for this person's live face: delegations addressed to them as the company's
 * current legal representative (agents and firms alike) and face-method registration
 * confirmations. Oldest first, so nothing waits behind newer requests.
 */
export const approvalQueue = async (ctx: AppContext, personId: string): Promise<ApprovalItem[]> => {
  const requester = alias(persons, 'requester');
  const now = ctx.now();
  const asked = await ctx.db
    .select({
      d: delegations,
      company: companies.name,
      name: requester.name,
      masked: requester.residentIdMasked,
    })
    .from(delegations)
    .innerJoin(companies, eq(companies.id, delegations.companyId))
    .innerJoin(requester, eq(requester.id, delegations.requestedByPersonId))
    .where(
      and(
        eq(delegations.grantorPersonId, personId),
        eq(companies.legalRepPersonId, personId),
        eq(delegations.status, 'pending'),
        gt(delegations.linkExpiresAt, now),
      ),
    );
  const confirmations = await pendingFaceConfirmations(ctx, personId);
  const items: ApprovalItem[] = [
    ...asked.map((r): ApprovalItem => ({
      kind: 'delegation',
      id: r.d.id,
      companyName: r.company,
      requesterName: r.name,
      requesterIdMasked: r.masked,
      scopes: r.d.scopes,
      roles: [],
      note: r.d.note,
      requestedAt: r.d.createdAt.toISOString(),
      expiresAt: r.d.linkExpiresAt?.toISOString() ?? null,
    })),
    ...confirmations.map((c): ApprovalItem => ({
      kind: 'registration',
      id: c.id,
      companyName: c.companyName,
      requesterName: c.filerName,
      requesterIdMasked: null,
      scopes: [],
      roles: c.roles,
      note: null,
      requestedAt: c.requestedAt.toISOString(),
      expiresAt: null,
    })),
  ];
  return items.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
};
