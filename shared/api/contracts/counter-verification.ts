import { defineContract } from '../contract';
import { CounterVerificationRequest, CounterVerified } from '../assurance';

/** Counter verification (L5) by a reviewer; implemented in server/modules/sign-up/routes.ts. */
export const counterVerificationApi = {
  verify: defineContract({
    method: 'POST',
    path: '/api/v1/review/counter-verifications',
    summary:
      'A reviewer marks a person verified after seeing the original ID card in person (the alternative to a face check)',
    tags: ['identity'],
    access: { kind: 'reviewer' },
    body: CounterVerificationRequest,
    response: CounterVerified,
    status: 201,
    rateLimit: { max: 30, timeWindow: 60_000 },
  }),
};
