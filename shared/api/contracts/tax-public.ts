import { z } from 'zod';
import { defineContract } from '../contract';
import { CalculateResponse } from '../../tax/contract';
import { DeadlinesResponse } from '../../calendar/deadlines';

/** The tax (public) endpoints: one declaration each, implemented in server/modules/tax/routes-public.ts. */
export const taxPublicApi = {
  calculate: defineContract({
    method: 'POST',
    path: '/api/v1/tax/calculate',
    summary:
      'Compute VAT, surcharges or CIT exactly (no sign-in); 422 {error:{code,message,field}} on bad input',
    tags: ['tax'],
    access: { kind: 'public' },
    body: z.unknown(),
    response: CalculateResponse,
    rateLimit: { max: 1200, timeWindow: 60_000 },
  }),
  deadlines: defineContract({
    method: 'GET',
    path: '/api/v1/tax/deadlines',
    summary:
      'Filing deadlines of a year: official table, computed from holidays, or the statutory 15th (no sign-in)',
    tags: ['tax'],
    access: { kind: 'public' },
    query: z.unknown(),
    response: DeadlinesResponse,
  }),
};
