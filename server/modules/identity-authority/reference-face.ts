import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { persons } from '../../db/schema';
import type { FaceTemplate } from '../../face/verifier';
import { identityAuthorityFor } from './port';

/**
 * A person's reference face for a live check: the authority's portrait for their resident ID,
 * never a photo anyone uploaded. Decrypted for the check only.
 */
export const referenceFaceOf = async (
  ctx: AppContext,
  personId: string,
): Promise<FaceTemplate | undefined> => {
  const [p] = await ctx.db
    .select({ residentIdEnc: persons.residentIdEnc })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!p) return undefined;
  return identityAuthorityFor(ctx).portraitTemplate(ctx.cipher.decrypt(p.residentIdEnc));
};
