import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { Authority } from '../../auth/authorize';
import { auditActingFor } from '../../audit/write';
import { companyRoles, persons, sealGrants } from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { notFound } from '../../http/errors';
import type { SealGrantCreate, SealGrantView } from '../../../shared/api/seals';
import { chinaDate, endOfChinaDay } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { notClaimed, notLegalRep } from './errors';
import { checkPin } from './pin';
import { assertUsable, claimOf, companyOf, sealOf, type GrantRow } from './store';

export const grantView = (g: GrantRow, name: string, now: Date): SealGrantView => ({
  grantId: g.id,
  personId: g.personId,
  name,
  role: g.role,
  validFrom: g.validFrom.toISOString(),
  validUntil: g.validUntil.toISOString(),
  state: g.revokedAt
    ? 'revoked'
    : g.validUntil <= now
      ? 'expired'
      : g.validFrom > now
        ? 'not-yet-valid'
        : 'active',
});

const managed = async (ctx: AppContext, authority: Authority, sealId: string, pin: string) => {
  const company = await companyOf(ctx.db, authority.companyId);
  if (company.legalRepPersonId !== authority.personId) throw notLegalRep();
  const seal = await sealOf(ctx.db, company.id, sealId);
  assertUsable(seal, company.status, ctx.now());
  const claim = await claimOf(ctx.db, company.id);
  if (!claim) throw notClaimed();
  await checkPin(ctx, { licenceId: seal.id, personId: authority.personId, pin, pinHash: claim.pinHash });
  return { company, seal };
};

/** The legal representative grants one seal to a person connected to the company, with the PIN. */
export const grantSeal = async (
  ctx: AppContext,
  authority: Authority,
  sealId: string,
  body: SealGrantCreate,
): Promise<SealGrantView> => {
  const now = ctx.now();
  if (body.validUntil < chinaDate(now))
    throw new DomainError(
      'SEAL_GRANT_VALIDITY',
      text('授权截止日期不能早于今天。', 'The grant cannot end before today.'),
      { field: 'validUntil' },
    );
  const { company, seal } = await managed(ctx, authority, sealId, body.pin);
  const [person] = await ctx.db
    .select({ id: persons.id, name: persons.name })
    .from(companyRoles)
    .innerJoin(persons, eq(persons.id, companyRoles.personId))
    .where(and(eq(companyRoles.companyId, company.id), eq(companyRoles.personId, body.personId)));
  if (!person)
    throw new DomainError(
      'SEAL_GRANTEE_NOT_CONNECTED',
      text(
        '只能授权给与企业关联的人员。',
        'A seal can only be granted to a person connected to the company.',
      ),
      { field: 'personId' },
    );
  const row = await ctx.db.transaction(async (tx) => {
    // One grant per seal and person: a new one replaces the old.
    await tx
      .update(sealGrants)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sealGrants.licenceId, seal.id),
          eq(sealGrants.personId, person.id),
          isNull(sealGrants.revokedAt),
        ),
      );
    const [g] = await tx
      .insert(sealGrants)
      .values({
        licenceId: seal.id,
        companyId: company.id,
        personId: person.id,
        role: body.role,
        validFrom: now,
        validUntil: endOfChinaDay(body.validUntil),
        grantedByPersonId: authority.personId,
      })
      .returning();
    await auditActingFor(
      tx,
      authority,
      'seals.grant',
      { seal: seal.identifier, personId: person.id, role: body.role, validUntil: body.validUntil },
      now,
    );
    return g!;
  });
  return grantView(row, person.name, now);
};

export const revokeSealGrant = async (
  ctx: AppContext,
  authority: Authority,
  sealId: string,
  grantId: string,
  pin: string,
): Promise<SealGrantView> => {
  const { seal } = await managed(ctx, authority, sealId, pin);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [g] = await tx
      .update(sealGrants)
      .set({ revokedAt: now })
      .where(and(eq(sealGrants.id, grantId), eq(sealGrants.licenceId, seal.id), isNull(sealGrants.revokedAt)))
      .returning();
    if (!g) throw notFound(text('印章授权', 'Seal grant'));
    const [p] = await tx.select({ name: persons.name }).from(persons).where(eq(persons.id, g.personId));
    await auditActingFor(
      tx,
      authority,
      'seals.grant-revoke',
      { seal: seal.identifier, personId: g.personId },
      now,
    );
    return grantView(g, p?.name ?? '', now);
  });
};
