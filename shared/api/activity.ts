import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Filters of a company's activity log (操作日志); dates are China calendar days, inclusive. */
export const ActivityQuery = z.strictObject({
  /** A person id (one delegate or firm member) or `firm:<id>` (everyone of that firm). */
  actor: z.string().max(80).optional(),
  /** An action code, or its prefix ending in "." (`tax.` = every tax action). */
  action: z.string().max(80).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

export const ActivityEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  action: z.string(),
  actingAs: z.string(),
  actor: z.object({ personId: z.string().nullable(), name: z.string().nullable() }),
  firm: z.object({ id: z.string(), name: z.string() }).nullable(),
  delegationId: z.string().nullable(),
  /** The audit detail with personal data masked (resident IDs, mobile numbers). */
  detail: z.record(z.string(), z.unknown()),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

/** Who acted and what was done in the whole log, for the filter pickers. */
export const ActivityFacets = z.object({
  actors: z.array(
    z.object({ key: z.string(), name: z.string(), firm: z.boolean(), count: z.number().int() }),
  ),
  actions: z.array(z.object({ action: z.string(), count: z.number().int() })),
});

export const ActivityPage = z.object({
  total: z.number().int(),
  entries: z.array(ActivityEntry),
  facets: ActivityFacets,
});
export type ActivityPage = z.infer<typeof ActivityPage>;
