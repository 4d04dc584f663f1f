import { and, desc, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { companies, faceAttempts, licences, sealClaims, sealGrants } from '../../db/schema';
import { notFound } from '../../http/errors';
import { chinaDate } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import { sealNotUsable } from './errors';

export const E_SEAL_TYPE = 'e-seal';

export type SealRow = typeof licences.$inferSelect;
export type GrantRow = typeof sealGrants.$inferSelect;

/** The company's seals: active versions and revoked ones (still listed, as revoked). */
export const sealsOf = (db: DbOrTx, companyId: string): Promise<SealRow[]> =>
  db
    .select()
    .from(licences)
    .where(
      and(
        eq(licences.companyId, companyId),
        eq(licences.typeKey, E_SEAL_TYPE),
        inArray(licences.status, ['active', 'revoked']),
      ),
    )
    .orderBy(licences.serial);

export const sealOf = async (db: DbOrTx, companyId: string, sealId: string): Promise<SealRow> => {
  const [row] = await db
    .select()
    .from(licences)
    .where(
      and(eq(licences.id, sealId), eq(licences.companyId, companyId), eq(licences.typeKey, E_SEAL_TYPE)),
    );
  if (!row) throw notFound(text('电子印章', 'E-seal'));
  return row;
};

export const companyOf = async (db: DbOrTx, companyId: string) => {
  const [c] = await db.select().from(companies).where(eq(companies.id, companyId));
  if (!c) throw notFound(text('企业', 'Company'));
  return c;
};

export const claimOf = async (db: DbOrTx, companyId: string) =>
  (await db.select().from(sealClaims).where(eq(sealClaims.companyId, companyId)))[0];

/** Refuses a seal that cannot sign now: revoked, superseded, expired, or of a deregistered company. */
export const assertUsable = (seal: SealRow, companyStatus: string, now: Date): void => {
  if (companyStatus === 'deregistered') throw sealNotUsable('deregistered');
  if (seal.status === 'revoked') throw sealNotUsable('revoked');
  if (seal.status === 'superseded') throw sealNotUsable('superseded');
  if (seal.validUntil && seal.validUntil < chinaDate(now)) throw sealNotUsable('expired');
};

/** The person's grant for the seal in force at `at`, if any. */
export const grantAt = async (
  db: DbOrTx,
  licenceId: string,
  personId: string,
  at: Date,
): Promise<GrantRow | undefined> => {
  const rows = await db
    .select()
    .from(sealGrants)
    .where(
      and(
        eq(sealGrants.licenceId, licenceId),
        eq(sealGrants.personId, personId),
        lte(sealGrants.validFrom, at),
        gt(sealGrants.validUntil, at),
      ),
    );
  return rows.find((g) => !g.revokedAt || g.revokedAt > at);
};

export const activeGrantsOf = (db: DbOrTx, licenceId: string) =>
  db
    .select()
    .from(sealGrants)
    .where(and(eq(sealGrants.licenceId, licenceId), isNull(sealGrants.revokedAt)));

/** When the person last passed a live face check (any flow), as identity.md's window counts it. */
export const lastFaceCheckAt = async (ctx: AppContext, personId: string): Promise<Date | undefined> => {
  const [row] = await ctx.db
    .select({ at: faceAttempts.finishedAt })
    .from(faceAttempts)
    .where(and(eq(faceAttempts.personId, personId), eq(faceAttempts.match, true)))
    .orderBy(desc(faceAttempts.finishedAt))
    .limit(1);
  return row?.at;
};
