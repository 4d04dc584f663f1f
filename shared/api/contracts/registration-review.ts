import { z } from 'zod';
import { defineContract } from '../contract';
import { ReviewQueue, ApplicationParams, ReviewView, ReturnRequest } from '../registration';

/** The registration (review) endpoints: one declaration each, implemented in server/modules/registration/routes-review.ts. */
export const registrationReviewApi = {
  queue: defineContract({
    method: 'GET',
    path: '/api/v1/registration/review',
    summary: 'Applications the automated review sent to a person, oldest first, with the reasons',
    tags: ['registration'],
    access: { kind: 'reviewer' },
    response: ReviewQueue,
  }),
  detail: defineContract({
    method: 'GET',
    path: '/api/v1/registration/review/:applicationId',
    summary: 'An application as the reviewer sees it, with each identity’s verdict',
    tags: ['registration'],
    access: { kind: 'reviewer' },
    params: ApplicationParams,
    response: ReviewView,
  }),
  approve: defineContract({
    method: 'POST',
    path: '/api/v1/registration/review/:applicationId/approve',
    summary: 'Approves: company, USCC, business licence, seals and registrations in one transaction',
    tags: ['registration'],
    access: { kind: 'reviewer' },
    idempotent: true,
    params: ApplicationParams,
    body: z.strictObject({}),
    response: ReviewView,
  }),
  returnIt: defineContract({
    method: 'POST',
    path: '/api/v1/registration/review/:applicationId/return',
    summary: 'Returns the application to the filer with comments',
    tags: ['registration'],
    access: { kind: 'reviewer' },
    idempotent: true,
    params: ApplicationParams,
    body: ReturnRequest,
    response: ReviewView,
  }),
};
