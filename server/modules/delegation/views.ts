import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, delegations, firms, persons } from '../../db/schema';
import type { DelegationView } from '../../../shared/api/delegation';
import { renewalDue, validityFromColumns } from '../../../shared/delegation/validity';
import { delegationSettings } from './settings';
import { linkView } from './link-token';

export type DelegationRow = typeof delegations.$inferSelect;

const grantor = alias(persons, 'grantor');
const grantee = alias(persons, 'grantee');
const requester = alias(persons, 'requester');

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Delegations matching `where`, newest first, as the viewer may see them. */
export const loadViews = async (
  ctx: AppContext,
  db: DbOrTx,
  where: SQL | undefined,
  viewerPersonId: string,
): Promise<DelegationView[]> => {
  const rows = await db
    .select({
      d: delegations,
      company: { id: companies.id, name: companies.name, uscc: companies.uscc },
      grantor: { name: grantor.name, residentIdMasked: grantor.residentIdMasked },
      grantee: { name: grantee.name, residentIdMasked: grantee.residentIdMasked },
      requester: { name: requester.name, residentIdMasked: requester.residentIdMasked },
      firm: { id: firms.id, name: firms.name },
    })
    .from(delegations)
    .innerJoin(companies, eq(companies.id, delegations.companyId))
    .innerJoin(grantor, eq(grantor.id, delegations.grantorPersonId))
    .innerJoin(requester, eq(requester.id, delegations.requestedByPersonId))
    .leftJoin(grantee, eq(grantee.id, delegations.granteePersonId))
    .leftJoin(firms, eq(firms.id, delegations.granteeFirmId))
    .where(where)
    .orderBy(desc(delegations.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.d.id);
  const pendingRenewals = await db
    .select({ renews: delegations.renewsDelegationId })
    .from(delegations)
    .where(and(inArray(delegations.renewsDelegationId, ids), eq(delegations.status, 'pending')));
  const beingRenewed = new Set(pendingRenewals.map((r) => r.renews));
  const now = ctx.now();
  const settings = delegationSettings(ctx);
  return rows.map(({ d, company, grantor: g, grantee: ge, requester: rq, firm }) => {
    const mayShowLink =
      d.status === 'pending' &&
      (viewerPersonId === d.requestedByPersonId || viewerPersonId === d.grantorPersonId);
    return {
      id: d.id,
      company,
      grantor: g,
      grantee: ge && d.granteePersonId ? ge : null,
      granteeFirm: firm && d.granteeFirmId ? firm : null,
      requestedBy: rq,
      scopes: d.scopes,
      note: d.note,
      validity: validityFromColumns(d),
      status: d.status,
      createdAt: d.createdAt.toISOString(),
      decidedAt: iso(d.decidedAt),
      validFrom: iso(d.validFrom),
      validUntil: iso(d.validUntil),
      usedAt: iso(d.usedAt),
      revokedAt: iso(d.revokedAt),
      lockedUntil: d.lockedUntil && d.lockedUntil > now ? d.lockedUntil.toISOString() : null,
      attemptsLeft: Math.max(0, settings.maxFailedAttempts - d.failedAttempts),
      renewsDelegationId: d.renewsDelegationId,
      renewalDue:
        d.status === 'approved' && !d.singleUse && !beingRenewed.has(d.id) && renewalDue(d.validUntil, now),
      link: mayShowLink ? linkView(ctx.cipher, d.linkTokenEnc, d.linkExpiresAt, ctx.config.publicUrl) : null,
    };
  });
};

export const loadView = async (
  ctx: AppContext,
  db: DbOrTx,
  id: string,
  viewerPersonId: string,
): Promise<DelegationView | undefined> =>
  (await loadViews(ctx, db, eq(delegations.id, id), viewerPersonId))[0];
