import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { persons } from '../../db/schema';
import type { FaceTemplate } from '../../face/verifier';
import { templateOf } from '../face-checks';
import type { ConfirmationRow } from './confirmations';

/**
 * The legal representative's enrolled face: the account holder the request was addressed to, or,
 * for someone who had no record when asked, the person with that resident ID now (they may have
 * signed up and enrolled since).
 */
export const findFaceReference = async (
  ctx: AppContext,
  c: ConfirmationRow,
): Promise<{ personId: string; template: FaceTemplate } | undefined> => {
  const [p] = await ctx.db
    .select({ id: persons.id, template: persons.faceTemplate })
    .from(persons)
    .where(c.personId ? eq(persons.id, c.personId) : eq(persons.residentIdHash, c.identifierHash));
  const template = p ? templateOf(p.template) : undefined;
  return p && template ? { personId: p.id, template } : undefined;
};
