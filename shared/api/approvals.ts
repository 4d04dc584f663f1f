import { z } from 'zod';
import { AssuranceView } from './assurance';

/**
 * The legal representative's one queue: every request waiting for their live face, across their
 * companies (delegations asked by agents and firms, registration confirmations), approved in one go.
 */

const Instant = z.iso.datetime({ offset: true });

export const ApprovalKind = z.enum(['delegation', 'registration']);
export type ApprovalKind = z.infer<typeof ApprovalKind>;

export const ApprovalItem = z.object({
  kind: ApprovalKind,
  id: z.uuid(),
  companyName: z.string(),
  /** Who asks: the agent (and their masked ID) or the filer of the registration. */
  requesterName: z.string(),
  requesterIdMasked: z.string().nullable(),
  /** Delegation: the scopes asked for; registration: the person's roles in the new company. */
  scopes: z.array(z.string()),
  roles: z.array(z.string()),
  note: z.string().nullable(),
  requestedAt: Instant,
  expiresAt: Instant.nullable(),
});
export type ApprovalItem = z.infer<typeof ApprovalItem>;

export const ApprovalQueue = z.object({ items: z.array(ApprovalItem), assurance: AssuranceView });
export type ApprovalQueue = z.infer<typeof ApprovalQueue>;

export const MAX_BATCH_APPROVALS = 50;
export const ApproveMany = z.strictObject({
  items: z
    .array(z.strictObject({ kind: ApprovalKind, id: z.uuid() }))
    .min(1)
    .max(MAX_BATCH_APPROVALS),
});
export type ApproveMany = z.infer<typeof ApproveMany>;

export const ApproveManyResult = z.object({
  /** How the batch was assured: a fresh face check, the re-verification window, or counter verification. */
  via: z.enum(['fresh-face', 'reverify-window', 'counter']),
  results: z.array(
    z.object({
      kind: ApprovalKind,
      id: z.uuid(),
      outcome: z.enum(['approved', 'refused']),
      code: z.string().optional(),
      message: z.object({ zh: z.string(), en: z.string() }).optional(),
    }),
  ),
});
export type ApproveManyResult = z.infer<typeof ApproveManyResult>;
