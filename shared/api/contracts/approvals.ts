import { defineContract } from '../contract';
import { ApprovalQueue, ApproveMany, ApproveManyResult } from '../approvals';

/** The legal representative's combined approval queue; implemented in server/modules/approvals/routes.ts. */
export const approvalsApi = {
  queue: defineContract({
    method: 'GET',
    path: '/api/v1/me/approvals',
    summary:
      'Every request waiting for my live face across my companies (delegations, registration confirmations)',
    tags: ['approvals'],
    access: { kind: 'user' },
    response: ApprovalQueue,
  }),
  approve: defineContract({
    method: 'POST',
    path: '/api/v1/me/approvals/approve',
    summary:
      'Approve the ticked requests after one live face check of this session (or within the re-verification window)',
    tags: ['approvals'],
    access: { kind: 'user' },
    body: ApproveMany,
    response: ApproveManyResult,
    rateLimit: { max: 20, timeWindow: 60_000 },
  }),
};
