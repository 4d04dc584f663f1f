import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { persons } from '../../db/schema';
import type { FaceTemplate } from '../../face/verifier';

/** Stores a template on a person. The column holds the whole FaceTemplate (engine + vector). */
export const storeFaceTemplate = async (
  ctx: AppContext,
  personId: string,
  template: FaceTemplate,
  db: DbOrTx = ctx.db,
): Promise<void> => {
  await db
    .update(persons)
    .set({ faceTemplate: template, faceEnrolledAt: ctx.now() })
    .where(eq(persons.id, personId));
};
