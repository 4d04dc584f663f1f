import { z } from 'zod';
import { defineContract } from '../contract';
import { FaceChallengeView, FaceSubmission } from '../face';
import { SealFaceResult } from '../seals';
import {
  CommitBody,
  DeregistrationOverview,
  DeregistrationParams,
  DisclosureUsccParams,
  FlagBody,
  FlagView,
  ObjectionBody,
  PublicDeregistration,
} from '../deregistration';

/** Simplified deregistration (简易注销), implemented in server/modules/deregistration/routes.ts. */
export const deregistrationApi = {
  overview: defineContract({
    method: 'GET',
    path: '/api/v1/companies/:companyId/deregistration',
    summary:
      'Eligibility for simplified deregistration (every reason), tax clearance, and the procedure under way',
    tags: ['deregistration'],
    access: { kind: 'company', scope: 'view' },
    params: DeregistrationParams,
    response: DeregistrationOverview,
  }),
  start: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/deregistration',
    summary:
      'The legal representative starts simplified deregistration; refused with every reason when ineligible',
    tags: ['deregistration'],
    access: { kind: 'company', scope: 'view' },
    params: DeregistrationParams,
    response: DeregistrationOverview,
    status: 201,
    idempotent: true,
  }),
  faceChallenge: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/deregistration/face-challenge',
    summary: "A liveness challenge for an investor's commitment",
    tags: ['deregistration'],
    access: { kind: 'company', scope: 'view' },
    params: DeregistrationParams,
    response: FaceChallengeView,
  }),
  face: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/deregistration/face',
    summary: "The investor's live face check",
    tags: ['deregistration'],
    access: { kind: 'company', scope: 'view' },
    params: DeregistrationParams,
    body: FaceSubmission,
    response: SealFaceResult,
    bodyLimit: 30 * 1024 * 1024,
  }),
  commit: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/deregistration/commit',
    summary:
      'An investor confirms the commitment (全体投资人承诺书) by face; the last one opens the 20-day notice',
    tags: ['deregistration'],
    access: { kind: 'company', scope: 'view' },
    params: DeregistrationParams,
    body: CommitBody,
    response: DeregistrationOverview,
    idempotent: true,
  }),
  apply: defineContract({
    method: 'POST',
    path: '/api/v1/companies/:companyId/deregistration/apply',
    summary:
      'In the application window: re-check and complete (status 注销, licences and seals revoked, delegations ended)',
    tags: ['deregistration'],
    access: { kind: 'company', scope: 'view' },
    params: DeregistrationParams,
    response: DeregistrationOverview,
    idempotent: true,
  }),
  publicNotice: defineContract({
    method: 'GET',
    path: '/api/v1/gs/:uscc/deregistration',
    summary: 'The simplified-deregistration notice on the disclosure page (no sign-in)',
    tags: ['deregistration'],
    access: { kind: 'public' },
    params: DisclosureUsccParams,
    response: PublicDeregistration,
  }),
  object: defineContract({
    method: 'POST',
    path: '/api/v1/gs/:uscc/deregistration/objections',
    summary: 'Anyone files an objection during the notice; it ends the procedure (no sign-in)',
    tags: ['deregistration'],
    access: { kind: 'public' },
    params: DisclosureUsccParams,
    body: ObjectionBody,
    response: z.object({ received: z.literal(true) }),
    status: 201,
    rateLimit: { max: 10, timeWindow: 60_000 },
  }),
  flag: defineContract({
    method: 'POST',
    path: '/api/v1/reviews/companies/:companyId/deregistration-flags',
    summary:
      'A reviewer records a blocker the platform cannot see (frozen equity, litigation, unexecuted fines…)',
    tags: ['deregistration'],
    access: { kind: 'reviewer' },
    params: DeregistrationParams,
    body: FlagBody,
    response: FlagView,
    status: 201,
  }),
  devSweep: defineContract({
    method: 'POST',
    path: '/api/v1/dev/deregistration/sweep',
    summary:
      'Runs the deregistration.sweep job now (only with the test clock, which production refuses; 404 otherwise)',
    tags: ['deregistration'],
    access: { kind: 'public' },
    response: z.object({ completed: z.number().int() }),
  }),
};
