import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { inboxItems } from '../../db/schema';
import { Ok } from '../../../shared/api/identity';
import { InboxList } from '../../../shared/api/inbox';
import { notFound } from '../../http/errors';
import { text } from '../../../shared/text';

const listRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/inbox',
  summary: 'Requests waiting for the signed-in person',
  tags: ['inbox'],
  access: { kind: 'user' },
  response: InboxList,
  handler: async ({ app, actor }) => {
    const rows = await app.db
      .select()
      .from(inboxItems)
      .where(eq(inboxItems.personId, actor.personId))
      .orderBy(desc(inboxItems.createdAt))
      .limit(200);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        createdAt: r.createdAt.toISOString(),
        read: r.readAt !== null,
        done: r.doneAt !== null,
      })),
    };
  },
});

const readRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/inbox/:itemId/read',
  summary: 'Mark an inbox item read',
  tags: ['inbox'],
  access: { kind: 'user' },
  params: z.strictObject({ itemId: z.uuid() }),
  response: Ok,
  handler: async ({ app, actor, params }) => {
    const updated = await app.db
      .update(inboxItems)
      .set({ readAt: app.now() })
      .where(and(eq(inboxItems.id, params.itemId), eq(inboxItems.personId, actor.personId)))
      .returning({ id: inboxItems.id });
    if (updated.length === 0) throw notFound(text('消息', 'Inbox item'));
    return { ok: true as const };
  },
});

export const inboxRoutes = [listRoute, readRoute];
