import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { accounts } from '../../db/schema';
import { reverifyWindowMinutes } from '../../../shared/seals/rules';

/**
 * The re-verification window (identity.md) within which a live face check lets the seal PIN stand
 * in for a fresh one: the person's own (accounts.reverify_window_minutes), else the platform's
 * SHANGTONG_REVERIFY_MINUTES (default 0: none, every signing needs a fresh face check). Values
 * outside 30–1440 count as none.
 */
const Env = z.object({ SHANGTONG_REVERIFY_MINUTES: z.coerce.number().int().min(0).default(0) });

export type SealSettings = { reverifyMinutes: number };

export const sealSettings = (ctx: AppContext): SealSettings =>
  (ctx.services.sealSettings ??= {
    reverifyMinutes: reverifyWindowMinutes(Env.parse(process.env).SHANGTONG_REVERIFY_MINUTES),
  });

export const overrideSealSettings = (ctx: AppContext, patch: Partial<SealSettings>): void => {
  ctx.services.sealSettings = { ...sealSettings(ctx), ...patch };
};

export const reverifyWindowOf = async (ctx: AppContext, personId: string): Promise<number> => {
  const [a] = await ctx.db
    .select({ w: accounts.reverifyWindowMinutes })
    .from(accounts)
    .where(eq(accounts.personId, personId));
  return a?.w != null ? reverifyWindowMinutes(a.w) : sealSettings(ctx).reverifyMinutes;
};
