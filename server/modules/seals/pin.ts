import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { sealPinFailures } from '../../db/schema';
import { afterWrongPin, isLocked, SEAL_PIN_MAX_TRIES } from '../../../shared/seals/rules';
import { sealLocked, wrongPin } from './errors';

export const hashPin = (pin: string): string => {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(pin, salt, 32).toString('hex')}`;
};

const pinMatches = (pin: string, stored: string): boolean => {
  const [, salt, hash] = stored.split('$');
  if (!salt || !hash) return false;
  return timingSafeEqual(scryptSync(pin, Buffer.from(salt, 'hex'), 32), Buffer.from(hash, 'hex'));
};

const stateOf = async (ctx: AppContext, licenceId: string, personId: string) => {
  const [row] = await ctx.db
    .select()
    .from(sealPinFailures)
    .where(and(eq(sealPinFailures.licenceId, licenceId), eq(sealPinFailures.personId, personId)));
  return row;
};

export const lockedUntil = async (
  ctx: AppContext,
  licenceId: string,
  personId: string,
): Promise<Date | null> => {
  const s = await stateOf(ctx, licenceId, personId);
  return s && isLocked(s, ctx.now()) ? s.lockedUntil : null;
};

/** Refuses while the seal is locked for the person. */
export const assertNotLocked = async (
  ctx: AppContext,
  licenceId: string,
  personId: string,
): Promise<void> => {
  const until = await lockedUntil(ctx, licenceId, personId);
  if (until) throw sealLocked(until);
};

/**
 * Checks the PIN for one seal and person. A wrong PIN is counted in its own transaction (the
 * refused action changes nothing else) and the fifth in a row locks the seal for that person.
 */
export const checkPin = async (
  ctx: AppContext,
  input: { licenceId: string; personId: string; pin: string; pinHash: string },
): Promise<void> => {
  await assertNotLocked(ctx, input.licenceId, input.personId);
  const key = and(
    eq(sealPinFailures.licenceId, input.licenceId),
    eq(sealPinFailures.personId, input.personId),
  );
  if (pinMatches(input.pin, input.pinHash)) {
    await ctx.db.update(sealPinFailures).set({ failures: 0, lockedUntil: null }).where(key);
    return;
  }
  const now = ctx.now();
  const next = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sealPinFailures).where(key).for('update');
    const s = afterWrongPin({ failures: row?.failures ?? 0, lockedUntil: null }, now);
    await tx
      .insert(sealPinFailures)
      .values({ licenceId: input.licenceId, personId: input.personId, ...s })
      .onConflictDoUpdate({ target: [sealPinFailures.licenceId, sealPinFailures.personId], set: s });
    return s;
  });
  if (next.lockedUntil) throw sealLocked(next.lockedUntil);
  throw wrongPin(SEAL_PIN_MAX_TRIES - next.failures);
};
