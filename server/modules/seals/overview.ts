import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { Authority } from '../../auth/authorize';
import { companyRoles, persons, sealGrants } from '../../db/schema';
import type { SealsOverview, SealView } from '../../../shared/api/seals';
import { chinaDate } from '../../../shared/time/china';
import { grantView } from './grants';
import { lockedUntil } from './pin';
import { reverifyWindowOf } from './settings';
import { claimOf, companyOf, grantAt, lastFaceCheckAt, sealsOf } from './store';

export const sealsOverview = async (ctx: AppContext, authority: Authority): Promise<SealsOverview> => {
  const now = ctx.now();
  const company = await companyOf(ctx.db, authority.companyId);
  const claim = await claimOf(ctx.db, company.id);
  const isLegalRep = company.legalRepPersonId === authority.personId;
  const seals = await sealsOf(ctx.db, company.id);
  const grants =
    isLegalRep && seals.length
      ? await ctx.db
          .select({ g: sealGrants, name: persons.name })
          .from(sealGrants)
          .innerJoin(persons, eq(persons.id, sealGrants.personId))
          .where(
            inArray(
              sealGrants.licenceId,
              seals.map((s) => s.id),
            ),
          )
      : [];
  const views: SealView[] = [];
  for (const s of seals) {
    const usable =
      s.status === 'active' &&
      company.status !== 'deregistered' &&
      (!s.validUntil || s.validUntil >= chinaDate(now));
    const held = isLegalRep || !!(await grantAt(ctx.db, s.id, authority.personId, now));
    const fields = s.signed.document.fields;
    views.push({
      sealId: s.id,
      identifier: s.identifier,
      name: String(fields.sealName ?? ''),
      sealType: String(fields.sealType ?? ''),
      code: String(fields.sealCode ?? ''),
      status: s.status,
      revokedAt: s.revokedAt?.toISOString() ?? null,
      validUntil: s.validUntil,
      canSign: !!claim && usable && held,
      lockedUntil: (await lockedUntil(ctx, s.id, authority.personId))?.toISOString() ?? null,
      ...(isLegalRep
        ? { grants: grants.filter((g) => g.g.licenceId === s.id).map((g) => grantView(g.g, g.name, now)) }
        : {}),
    });
  }
  const people = isLegalRep
    ? await ctx.db
        .selectDistinct({ personId: persons.id, name: persons.name })
        .from(companyRoles)
        .innerJoin(persons, eq(persons.id, companyRoles.personId))
        .where(eq(companyRoles.companyId, company.id))
    : undefined;
  const last = await lastFaceCheckAt(ctx, authority.personId);
  return {
    companyName: company.name,
    claimed: !!claim,
    claimedAt: claim?.claimedAt.toISOString() ?? null,
    isLegalRepresentative: isLegalRep,
    reverifyMinutes: await reverifyWindowOf(ctx, authority.personId),
    lastFaceCheckAt: last?.toISOString() ?? null,
    seals: views,
    ...(people ? { people: people.filter((p) => p.personId !== authority.personId) } : {}),
  };
};
