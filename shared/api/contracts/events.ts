import { defineContract } from '../contract';

/** The events endpoints: one declaration each, implemented in server/modules/events/routes.ts. */
export const eventsApi = {
  events: defineContract({
    method: 'GET',
    path: '/api/v1/events',
    summary: 'Per-person live events (text/event-stream)',
    tags: ['events'],
    access: { kind: 'user' },
    produces: 'text/event-stream',
  }),
};
