import { z } from 'zod';
import { defineContract } from '../contract';
import { ValidateIdentifierRequest, ValidateIdentifierResponse } from '../../identifiers/validate';

const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

/** The system endpoints: one declaration each, implemented in server/modules/system/routes.ts. */
export const systemApi = {
  health: defineContract({
    method: 'GET',
    path: '/api/v1/health',
    summary: 'Liveness and database kind',
    tags: ['system'],
    access: { kind: 'public' },
    response: Health,
  }),
  validate: defineContract({
    method: 'POST',
    path: '/api/v1/identifiers/validate',
    summary: 'Validate a USCC, resident ID or e-licence identifier (strict or normalized)',
    tags: ['identifiers'],
    access: { kind: 'public' },
    body: ValidateIdentifierRequest,
    response: ValidateIdentifierResponse,
  }),
};
