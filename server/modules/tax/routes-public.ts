import { implement } from '../../http/route';
import { taxPublicApi } from '../../../shared/api/contracts/tax-public';
import { DomainError } from '../../../shared/domain-error';
import { calculate } from '../../../shared/tax/calculate';
import { DeadlinesQuery, getDeadlines } from '../../../shared/calendar/deadlines';
import { text } from '../../../shared/text';

/** tax.md §6: the engine as a service. The body is the engine's to judge, so its codes come back. */
const calculateRoute = implement(taxPublicApi.calculate, async ({ body }) => calculate(body));

/** calendar.md: the filing deadline of each month's window; `published` false with a warning otherwise. */
const deadlinesRoute = implement(taxPublicApi.deadlines, async ({ query }) => {
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
});

export const taxPublicRoutes = [calculateRoute, deadlinesRoute];
