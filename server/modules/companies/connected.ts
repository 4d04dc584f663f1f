import { and, eq, gt, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { companies, companyRoles, delegations } from '../../db/schema';

/**
 * Everyone connected to a company (legal representative, roles, delegates whose authorization is in
 * force at `now`): who is told of a change, a filing or a listing.
 */
export const connectedPeople = async (db: DbOrTx, companyId: string, now: Date): Promise<string[]> => {
  const [c] = await db
    .select({ rep: companies.legalRepPersonId })
    .from(companies)
    .where(eq(companies.id, companyId));
  const roles = await db
    .select({ id: companyRoles.personId })
    .from(companyRoles)
    .where(eq(companyRoles.companyId, companyId));
  const delegates = await db
    .select({ id: delegations.granteePersonId })
    .from(delegations)
    .where(
      and(
        eq(delegations.companyId, companyId),
        eq(delegations.status, 'approved'),
        isNotNull(delegations.granteePersonId),
        gt(delegations.validUntil, now),
      ),
    );
  const ids = [c?.rep, ...roles.map((r) => r.id), ...delegates.map((d) => d.id)];
  return [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
};
