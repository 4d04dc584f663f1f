import { and, desc, eq } from 'drizzle-orm';
import { implement } from '../../http/route';
import { inboxApi } from '../../../shared/api/contracts/inbox';
import { inboxItems } from '../../db/schema';
import { notFound } from '../../http/errors';
import { text } from '../../../shared/text';

const listRoute = implement(inboxApi.list, async ({ app, actor }) => {
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
});

const readRoute = implement(inboxApi.read, async ({ app, actor, params }) => {
  const updated = await app.db
    .update(inboxItems)
    .set({ readAt: app.now() })
    .where(and(eq(inboxItems.id, params.itemId), eq(inboxItems.personId, actor.personId)))
    .returning({ id: inboxItems.id });
  if (updated.length === 0) throw notFound(text('消息', 'Inbox item'));
  return { ok: true as const };
});

export const inboxRoutes = [listRoute, readRoute];
