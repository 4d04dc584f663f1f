import type { AppContext } from '../../context';
import type { Authority } from '../../auth/authorize';
import { auditActingFor } from '../../audit/write';
import { sealClaims } from '../../db/schema';
import type { SealClaim } from '../../../shared/api/seals';
import { alreadyClaimed, notLegalRep, sealNotUsable } from './errors';
import { takeFreshFaceCheck } from './face';
import { ensureSealKey } from './keys';
import { hashPin } from './pin';
import { claimOf, companyOf, sealsOf } from './store';

/**
 * The legal representative claims the company's seals (lifecycle.md §5.2): a fresh live face check,
 * the PIN set, and each active seal's SM2 key made and bound to its licence by the issuer.
 */
export const claimSeals = async (ctx: AppContext, authority: Authority, body: SealClaim): Promise<void> => {
  const company = await companyOf(ctx.db, authority.companyId);
  if (company.legalRepPersonId !== authority.personId) throw notLegalRep();
  if (company.status === 'deregistered') throw sealNotUsable('deregistered');
  if (await claimOf(ctx.db, company.id)) throw alreadyClaimed();
  await ctx.db.transaction(async (tx) => {
    await takeFreshFaceCheck(tx, ctx, authority.personId, body.faceCheckId);
    await tx.insert(sealClaims).values({
      companyId: company.id,
      claimedByPersonId: authority.personId,
      pinHash: hashPin(body.pin),
      claimFaceAttemptId: body.faceCheckId,
      claimedAt: ctx.now(),
    });
    for (const seal of await sealsOf(tx, company.id))
      if (seal.status === 'active') await ensureSealKey(tx, ctx, seal);
    await auditActingFor(tx, authority, 'seals.claim', { faceCheckId: body.faceCheckId }, ctx.now());
  });
};
