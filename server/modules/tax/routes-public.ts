import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { DomainError } from '../../../shared/domain-error';
import { calculate } from '../../../shared/tax/calculate';
import { CalculateResponse } from '../../../shared/tax/contract';
import { DeadlinesQuery, DeadlinesResponse, getDeadlines } from '../../../shared/calendar/deadlines';
import { text } from '../../../shared/text';

const tags = ['tax'];

/** tax.md §6: the engine as a service. The body is the engine's to judge, so its codes come back. */
const calculateRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/tax/calculate',
  summary:
    'Compute VAT, surcharges or CIT exactly (no sign-in); 422 {error:{code,message,field}} on bad input',
  tags,
  access: { kind: 'public' },
  body: z.unknown(),
  response: CalculateResponse,
  rateLimit: { max: 1200, timeWindow: 60_000 },
  handler: async ({ body }) => calculate(body),
});

/** calendar.md: the filing deadline of each month's window; `published` false with a warning otherwise. */
const deadlinesRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/tax/deadlines',
  summary:
    'Filing deadlines of a year: official table, computed from holidays, or the statutory 15th (no sign-in)',
  tags,
  access: { kind: 'public' },
  query: z.unknown(),
  response: DeadlinesResponse,
  handler: async ({ query }) => {
    const parsed = DeadlinesQuery.safeParse(query);
    if (!parsed.success)
      throw new DomainError(
        'INVALID_YEAR',
        text('年份应为四位整数，如 ?year=2026', 'The year must be four digits, e.g. ?year=2026'),
        {
          field: 'year',
        },
      );
    return getDeadlines(parsed.data.year);
  },
});

export const taxPublicRoutes = [calculateRoute, deadlinesRoute];
