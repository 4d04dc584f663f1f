import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { identityRegister } from '../db/schema';
import { loadRegisterEntry } from '../modules/identity-authority';

/**
 * The demo persons (and the unclaimed newcomer identities) as valid entries of the demo identity
 * authority, by name and ID. Portraits come from the test photos in `enrolDemoFaces`, which needs
 * the face engine. Existing entries are left alone (idempotent; a loaded portrait is kept).
 */
export const seedDemoAuthority = async (
  ctx: AppContext,
  people: readonly { name: string; residentId: string }[],
): Promise<void> => {
  for (const p of people) {
    const [known] = await ctx.db
      .select({ hash: identityRegister.residentIdHash })
      .from(identityRegister)
      .where(eq(identityRegister.residentIdHash, ctx.cipher.lookupHash(p.residentId)));
    if (!known) await loadRegisterEntry(ctx, { residentId: p.residentId, name: p.name, status: 'valid' });
  }
};
