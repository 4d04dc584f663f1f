import { z } from 'zod';
import { defineContract } from '../contract';
import { InboxList } from '../inbox';
import { Ok } from '../identity';

/** The inbox endpoints: one declaration each, implemented in server/modules/inbox/routes.ts. */
export const inboxApi = {
  list: defineContract({
    method: 'GET',
    path: '/api/v1/inbox',
    summary: 'Requests waiting for the signed-in person',
    tags: ['inbox'],
    access: { kind: 'user' },
    response: InboxList,
  }),
  read: defineContract({
    method: 'POST',
    path: '/api/v1/inbox/:itemId/read',
    summary: 'Mark an inbox item read',
    tags: ['inbox'],
    access: { kind: 'user' },
    params: z.strictObject({ itemId: z.uuid() }),
    response: Ok,
  }),
};
