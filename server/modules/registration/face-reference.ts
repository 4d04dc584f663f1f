import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { persons } from '../../db/schema';
import type { FaceTemplate } from '../../face/verifier';
import { referenceFaceOf } from '../identity-authority';
import type { ConfirmationRow } from './confirmations';

/**
 * The legal representative's reference face: the identity authority's portrait of the account
 * holder the request was addressed to, or, for someone who had no record when asked, of the person
 * with that resident ID now (they may have completed a verified sign-up since).
 */
export const findFaceReference = async (
  ctx: AppContext,
  c: ConfirmationRow,
): Promise<{ personId: string; template: FaceTemplate } | undefined> => {
  const [p] = await ctx.db
    .select({ id: persons.id })
    .from(persons)
    .where(c.personId ? eq(persons.id, c.personId) : eq(persons.residentIdHash, c.identifierHash));
  const template = p ? await referenceFaceOf(ctx, p.id) : undefined;
  return p && template ? { personId: p.id, template } : undefined;
};
