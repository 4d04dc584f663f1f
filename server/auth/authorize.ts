import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types';
import {
  accessGroupClients,
  accessGroupStaff,
  accessGroups,
  companies,
  companyRoles,
  delegations,
  firmMembers,
} from '../db/schema';
import { scopesCover, type ScopeKey } from '../../shared/delegation/scopes';
import { text, type LocalizedText } from '../../shared/text';
import { DomainError } from '../../shared/domain-error';

export type ActingAs = 'legal-representative' | 'delegate' | 'firm-staff' | 'connected';

export type Authority = {
  allowed: true;
  personId: string;
  companyId: string;
  actingAs: ActingAs;
  delegationId?: string;
  firmId?: string;
  singleUse?: boolean;
};

export type Refusal = { allowed: false; status: 403 | 404; code: string; text: LocalizedText };

/**
 * A refusal as the error domain code throws; its code answers with the refusal's status through
 * STATUS_OF_CODE (server/http/errors.ts), where every code below is listed (403, or 404 for COMPANY_NOT_FOUND).
 */
export const refusalError = (r: Refusal): DomainError => new DomainError(r.code, r.text);

type DelegationRow = typeof delegations.$inferSelect;

const refuse = (code: string, zh: string, en: string, status: 403 | 404 = 403): Refusal => ({
  allowed: false,
  status,
  code,
  text: text(zh, en),
});

/** Why a delegation that names the scope does not count now; undefined when it does. */
const delegationProblem = (d: DelegationRow, now: Date): Refusal | undefined => {
  if (d.status === 'revoked')
    return refuse(
      'DELEGATION_REVOKED',
      '该授权已被法定代表人撤销。',
      'This authorization was revoked by the legal representative.',
    );
  if (d.status === 'pending')
    return refuse(
      'DELEGATION_PENDING',
      '授权申请尚待法定代表人确认。',
      'The authorization request is still waiting for the legal representative.',
    );
  if (d.status === 'rejected')
    return refuse(
      'DELEGATION_REJECTED',
      '法定代表人拒绝了该授权申请。',
      'The legal representative declined this authorization.',
    );
  if (d.status === 'cancelled')
    return refuse('DELEGATION_CANCELLED', '该授权申请已取消。', 'This authorization request was cancelled.');
  if (d.status === 'expired' || (d.validUntil && d.validUntil <= now))
    return refuse(
      'DELEGATION_EXPIRED',
      '授权已过期，请申请续期。',
      'The authorization has expired; request a renewal.',
    );
  if (d.singleUse && d.usedAt)
    return refuse(
      'DELEGATION_USED',
      '该一次性授权已使用过。',
      'This single-use authorization has already been used.',
    );
  if (d.validFrom && d.validFrom > now)
    return refuse('DELEGATION_NOT_YET_VALID', '授权尚未生效。', 'The authorization is not valid yet.');
  return undefined;
};

const rank = (r: Refusal): number =>
  [
    'DELEGATION_USED',
    'DELEGATION_EXPIRED',
    'DELEGATION_REVOKED',
    'DELEGATION_PENDING',
    'DELEGATION_REJECTED',
    'DELEGATION_CANCELLED',
    'DELEGATION_NOT_YET_VALID',
  ].indexOf(r.code);

/**
 * The one decision: may this person perform this scoped action for this company now?
 * Sources of authority: legal representative; an approved, unexpired, unrevoked delegation with the
 * scope; or staff of a firm holding such a delegation, narrowed by the firm's access groups.
 */
export const authorize = async (
  db: DbOrTx,
  input: { personId: string; companyId: string; scope: ScopeKey; now?: Date },
): Promise<Authority | Refusal> => {
  const now = input.now ?? new Date();
  const [company] = await db
    .select({ id: companies.id, legalRep: companies.legalRepPersonId })
    .from(companies)
    .where(eq(companies.id, input.companyId));
  if (!company) return refuse('COMPANY_NOT_FOUND', '未找到该企业。', 'Company not found.', 404);
  const base = { allowed: true as const, personId: input.personId, companyId: company.id };
  if (company.legalRep === input.personId) return { ...base, actingAs: 'legal-representative' };

  const own = await db
    .select()
    .from(delegations)
    .where(and(eq(delegations.companyId, company.id), eq(delegations.granteePersonId, input.personId)));
  const refusals: Refusal[] = [];
  let scopeMissing = own.length > 0;
  for (const d of own) {
    if (!scopesCover(d.scopes, input.scope)) continue;
    scopeMissing = false;
    const problem = delegationProblem(d, now);
    if (!problem) return { ...base, actingAs: 'delegate', delegationId: d.id, singleUse: d.singleUse };
    refusals.push(problem);
  }

  const memberships = await db.select().from(firmMembers).where(eq(firmMembers.personId, input.personId));
  if (memberships.length > 0) {
    const firmIds = memberships.map((m) => m.firmId);
    const firmDelegations = await db
      .select()
      .from(delegations)
      .where(and(eq(delegations.companyId, company.id), inArray(delegations.granteeFirmId, firmIds)));
    for (const d of firmDelegations) {
      if (!scopesCover(d.scopes, input.scope)) {
        scopeMissing = true;
        continue;
      }
      const problem = delegationProblem(d, now);
      if (problem) {
        refusals.push(problem);
        continue;
      }
      const membership = memberships.find((m) => m.firmId === d.granteeFirmId)!;
      const firmAuthority = {
        ...base,
        actingAs: 'firm-staff' as const,
        delegationId: d.id,
        firmId: membership.firmId,
        singleUse: d.singleUse,
      };
      if (membership.role === 'admin') return firmAuthority;
      const inGroup = await db
        .select({ groupId: accessGroups.id })
        .from(accessGroups)
        .innerJoin(accessGroupStaff, eq(accessGroupStaff.groupId, accessGroups.id))
        .innerJoin(accessGroupClients, eq(accessGroupClients.groupId, accessGroups.id))
        .where(
          and(
            eq(accessGroups.firmId, membership.firmId),
            eq(accessGroupStaff.personId, input.personId),
            eq(accessGroupClients.companyId, company.id),
          ),
        )
        .limit(1);
      if (inGroup.length > 0) return firmAuthority;
      refusals.push(
        refuse(
          'NOT_IN_ACCESS_GROUP',
          '您所在的事务所分组不负责该客户，请联系事务所管理员。',
          'This client is not in any of your firm access groups; ask your firm admin.',
        ),
      );
    }
  }

  if (refusals.length > 0) return refusals.sort((a, b) => rank(a) - rank(b))[0]!;
  if (scopeMissing)
    return refuse(
      'SCOPE_NOT_GRANTED',
      '您的授权不包含此项业务，请申请相应授权。',
      'Your authorization does not cover this action; request the matching scope.',
    );
  const connected = await db
    .select({ role: companyRoles.role })
    .from(companyRoles)
    .where(and(eq(companyRoles.companyId, company.id), eq(companyRoles.personId, input.personId)))
    .limit(1);
  if (connected.length > 0)
    return refuse(
      'NO_DELEGATION',
      '您尚未获得该企业的授权，请先向法定代表人申请授权。',
      'You are not yet authorized for this company; request authorization from the legal representative.',
    );
  return refuse('NOT_CONNECTED', '您与该企业没有关联，无权办理。', 'You are not connected to this company.');
};

/** Viewing basic registration facts needs a view-covering authority or a role connection to the company. */
export const authorizeView = async (
  db: DbOrTx,
  input: { personId: string; companyId: string; now?: Date },
): Promise<Authority | Refusal> => {
  const decision = await authorize(db, { ...input, scope: 'company.view' });
  if (decision.allowed || decision.status === 404) return decision;
  const connected = await db
    .select({ role: companyRoles.role })
    .from(companyRoles)
    .where(and(eq(companyRoles.companyId, input.companyId), eq(companyRoles.personId, input.personId)))
    .limit(1);
  if (connected.length === 0) return decision;
  return { allowed: true, personId: input.personId, companyId: input.companyId, actingAs: 'connected' };
};
