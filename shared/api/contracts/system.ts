import { z } from 'zod';
import { defineContract } from '../contract';
import { ValidateIdentifierRequest, ValidateIdentifierResponse } from '../../identifiers/validate';

export const DevClockBody = z.strictObject({ advanceDays: z.number().int().min(1).max(400) });
export const DevClock = z.object({ now: z.iso.datetime({ offset: true }) });

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
  devClock: defineContract({
    method: 'POST',
    path: '/api/v1/dev/clock',
    summary:
      'Moves the test clock forward (only with SHANGTONG_CLOCK_START, which production refuses; 404 otherwise)',
    tags: ['system'],
    access: { kind: 'public' },
    body: DevClockBody,
    response: DevClock,
  }),
};
