import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { sealGrants } from '../../db/schema';

/** Ends every open grant of a company's seals (deregistration; the seals themselves are licences). */
export const endSealGrants = async (tx: DbOrTx, companyId: string, at: Date): Promise<number> => {
  const ended = await tx
    .update(sealGrants)
    .set({ revokedAt: at })
    .where(and(eq(sealGrants.companyId, companyId), isNull(sealGrants.revokedAt)))
    .returning({ id: sealGrants.id });
  return ended.length;
};
