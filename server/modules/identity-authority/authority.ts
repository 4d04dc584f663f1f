import type { FaceTemplate } from '../../face/verifier';
import type { RegisterStatus } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

/**
 * A caller inside a transaction passes it: the bundled register then reads through it (the embedded
 * database has a single connection). A remote authority ignores it.
 */
export type Within = { db?: DbOrTx };

export type { RegisterStatus };

/** The answer to "is this name the name registered for this resident ID?" */
export type NameVerdict =
  { ok: true } | { ok: false; reason: 'NOT_IN_AUTHORITY' | 'NAME_MISMATCH' | 'DECEASED' | 'CANCELLED' };

/**
 * The identity authority: the platform's view of the population register (CTID or a provincial
 * unified identity service in a deployment; `LocalRegister` in the bundled platform). It answers
 * questions; nothing in the product writes to it.
 */
export interface IdentityAuthority {
  /** Does the name match the resident ID, and may the person act (status valid)? */
  verifyName(residentId: string, name: string, within?: Within): Promise<NameVerdict>;
  /** The status of a resident ID, or undefined when the authority does not know it. */
  status(residentId: string, within?: Within): Promise<RegisterStatus | undefined>;
  /** Barred from being a legal representative (REG §12; lifecycle.md §1.6). */
  barred(residentId: string, within?: Within): Promise<boolean>;
  /**
   * The authority's reference portrait as a face template, for a live face check. Decrypted only
   * for the check and never stored elsewhere. A remote authority that compares faces itself
   * (CTID's verifyFace) answers undefined here and is plugged in at the face-check seam instead.
   */
  portraitTemplate(residentId: string, within?: Within): Promise<FaceTemplate | undefined>;
}
