import { sql } from 'drizzle-orm';
import { implement } from '../../http/route';
import { systemApi } from '../../../shared/api/contracts/system';
import { validateIdentifier } from '../../../shared/identifiers/validate';
import { text } from '../../../shared/text';
import { notFound } from '../../http/errors';

const DAY_MS = 86_400_000;

const healthRoute = implement(systemApi.health, async ({ app }) => {
  await app.db.execute(sql`select 1`);
  return { status: 'ok' as const, database: app.dbKind, version: app.version };
});

const validateRoute = implement(systemApi.validate, async ({ body, lang }) => validateIdentifier(body, lang));

/** Development only: exists when the platform runs on the test clock (refused in production). */
const devClockRoute = implement(systemApi.devClock, async ({ app, body }) => {
  const clock = app.services.testClock;
  if (!clock) throw notFound(text('测试时钟', 'The test clock'));
  return { now: clock.advance(body.advanceDays * DAY_MS).toISOString() };
});

export const systemRoutes = [healthRoute, validateRoute, devClockRoute];
