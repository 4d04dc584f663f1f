import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { identityRegister, type RegisterStatus } from '../../db/schema';
import { FaceTemplate } from '../../face/verifier';
import type { IdentityAuthority, NameVerdict, Within } from './authority';

/** One register entry as the operator loads it (the portrait already reduced to a template). */
export type RegisterEntry = {
  residentId: string;
  name: string;
  status: RegisterStatus;
  barred?: boolean;
  portrait?: FaceTemplate | undefined;
};

/**
 * The bundled authority: a register table the operator loads. Resident IDs are looked up by keyed
 * hash; the ID and the portrait template are encrypted with the platform's personal-data key.
 */
export class LocalRegister implements IdentityAuthority {
  constructor(private readonly ctx: AppContext) {}

  private async row(residentId: string, within?: Within) {
    const [row] = await (within?.db ?? this.ctx.db)
      .select()
      .from(identityRegister)
      .where(eq(identityRegister.residentIdHash, this.ctx.cipher.lookupHash(residentId)));
    return row;
  }

  async verifyName(residentId: string, name: string, within?: Within): Promise<NameVerdict> {
    const row = await this.row(residentId, within);
    if (!row) return { ok: false, reason: 'NOT_IN_AUTHORITY' };
    if (row.name !== name) return { ok: false, reason: 'NAME_MISMATCH' };
    if (row.status === 'deceased') return { ok: false, reason: 'DECEASED' };
    if (row.status === 'cancelled') return { ok: false, reason: 'CANCELLED' };
    return { ok: true };
  }

  async status(residentId: string, within?: Within): Promise<RegisterStatus | undefined> {
    return (await this.row(residentId, within))?.status;
  }

  async barred(residentId: string, within?: Within): Promise<boolean> {
    return (await this.row(residentId, within))?.barred ?? false;
  }

  /**
   * Waits for the demo portraits while they are being enrolled after `listen` (a demo start), so a
   * face check never finds a demo person without one.
   */
  async portraitTemplate(residentId: string, within?: Within): Promise<FaceTemplate | undefined> {
    await this.ctx.services.portraitsReady;
    return this.storedPortrait(residentId, within);
  }

  /** The stored portrait now, without waiting for the demo enrolment (the enrolment itself). */
  async storedPortrait(residentId: string, within?: Within): Promise<FaceTemplate | undefined> {
    const row = await this.row(residentId, within);
    if (!row?.portraitEnc || row.status !== 'valid') return undefined;
    const parsed = FaceTemplate.safeParse(JSON.parse(this.ctx.cipher.decrypt(row.portraitEnc)));
    return parsed.success ? parsed.data : undefined;
  }
}

/**
 * Loads or replaces one entry. Only the operator's import and the demo seed call this: it is the
 * authority's own write path, never reachable from an account or a person record.
 */
export const loadRegisterEntry = async (
  ctx: AppContext,
  entry: RegisterEntry,
  db: DbOrTx = ctx.db,
): Promise<void> => {
  const values = {
    residentIdHash: ctx.cipher.lookupHash(entry.residentId),
    residentIdEnc: ctx.cipher.encrypt(entry.residentId),
    name: entry.name,
    status: entry.status,
    barred: entry.barred ?? false,
    portraitEnc: entry.portrait ? ctx.cipher.encrypt(JSON.stringify(entry.portrait)) : null,
    loadedAt: ctx.now(),
  };
  const { residentIdHash, ...rest } = values;
  await db
    .insert(identityRegister)
    .values(values)
    .onConflictDoUpdate({ target: identityRegister.residentIdHash, set: { ...rest, residentIdHash } });
};
