import { sql } from 'drizzle-orm';
import { implement } from '../../http/route';
import { systemApi } from '../../../shared/api/contracts/system';
import { validateIdentifier } from '../../../shared/identifiers/validate';

const healthRoute = implement(systemApi.health, async ({ app }) => {
  await app.db.execute(sql`select 1`);
  return { status: 'ok' as const, database: app.dbKind, version: app.version };
});

const validateRoute = implement(systemApi.validate, async ({ body, lang }) => validateIdentifier(body, lang));

export const systemRoutes = [healthRoute, validateRoute];
