import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { defineRoute } from '../../http/route';
import {
  ValidateIdentifierRequest,
  ValidateIdentifierResponse,
  validateIdentifier,
} from '../../../shared/identifiers/validate';

const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

const healthRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/health',
  summary: 'Liveness and database kind',
  tags: ['system'],
  access: { kind: 'public' },
  response: Health,
  handler: async ({ app }) => {
    await app.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: app.dbKind, version: app.version };
  },
});

const validateRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/identifiers/validate',
  summary: 'Validate a USCC, resident ID or e-licence identifier (strict or normalized)',
  tags: ['identifiers'],
  access: { kind: 'public' },
  body: ValidateIdentifierRequest,
  response: ValidateIdentifierResponse,
  handler: async ({ body, lang }) => validateIdentifier(body, lang),
});

export const systemRoutes = [healthRoute, validateRoute];
