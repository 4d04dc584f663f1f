import { eq } from 'drizzle-orm';
import { implement, type Route } from '../../http/route';
import { todosApi } from '../../../shared/api/contracts/todos';
import { todoSettings } from '../../db/schema';
import { requireFirmMember } from '../firms';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { chinaToday } from '../../../shared/time/china';
import { calendarOf } from '../../../shared/todos/ical';
import { collectTodos, todoList } from './collect';
import { ackReminders, itemsForPerson, pendingReminders } from './reminders';
import { hashToken, newCalendarToken, personOfToken, settingsOf, upsertSettings } from './settings';
import { allNotices, noticesFor, publishNotice, withdrawNotice } from './notices';

const mineRoute = implement(todosApi.mine, async ({ app, actor, query }) =>
  todoList(
    await collectTodos(app.db, { kind: 'person', personId: actor.personId }, app.now()),
    app.now(),
    query,
  ),
);

const firmRoute = implement(todosApi.firm, async ({ app, actor, params, query }) => {
  const m = await requireFirmMember(app.db, params.firmId, actor.personId);
  const viewer = { kind: 'firm', personId: actor.personId, firmId: m.firmId, role: m.role } as const;
  return todoList(await collectTodos(app.db, viewer, app.now()), app.now(), query);
});

const settingsRoute = implement(todosApi.settings, async ({ app, actor }) =>
  settingsOf(app.db, actor.personId),
);

const saveSettingsRoute = implement(todosApi.saveSettings, async ({ app, actor, body }) => {
  await upsertSettings(app.db, actor.personId, { leadDays: body.leadDays }, app.now());
  return settingsOf(app.db, actor.personId);
});

/** The feed address on the public origin (the configured public URL, else the request's origin). */
const originOf = (configured: string | undefined, protocol: string, host: string): string =>
  (configured ?? `${protocol}://${host}`).replace(/\/+$/, '');

const rotateRoute = implement(todosApi.rotateCalendar, async ({ app, db, actor, request }) => {
  const token = newCalendarToken();
  const now = app.now();
  await upsertSettings(
    db,
    actor.personId,
    { calendarTokenHash: hashToken(token), calendarTokenCreatedAt: now },
    now,
  );
  // Who turned the feed on and when: the link gives access to deadlines without a session.
  await writeAudit(db, { actorPersonId: actor.personId, actingAs: 'self', action: 'todo.calendar.rotated' });
  const origin = originOf(app.config.publicUrl, request.protocol, request.host);
  return { token, url: `${origin}/api/v1/todos/calendar/${token}/todos.ics` };
});

const revokeRoute = implement(todosApi.revokeCalendar, async ({ app, actor }) => {
  await app.db.transaction(async (tx) => {
    await tx
      .update(todoSettings)
      .set({ calendarTokenHash: null, calendarTokenCreatedAt: null, updatedAt: app.now() })
      .where(eq(todoSettings.personId, actor.personId));
    await writeAudit(tx, {
      actorPersonId: actor.personId,
      actingAs: 'self',
      action: 'todo.calendar.revoked',
    });
  });
  return settingsOf(app.db, actor.personId);
});

const calendarRoute = implement(todosApi.calendar, async ({ app, params, reply, request, lang }) => {
  const personId = await personOfToken(app.db, params.token);
  if (!personId)
    throw new DomainError(
      'CALENDAR_FEED_NOT_FOUND',
      text('日历订阅链接无效或已停用。', 'The calendar link is not valid or was turned off.'),
    );
  const now = app.now();
  const items = await itemsForPerson(app.db, personId, now);
  const origin = originOf(app.config.publicUrl, request.protocol, request.host);
  void reply.header('content-type', 'text/calendar; charset=utf-8');
  void reply.header('cache-control', 'private, max-age=900');
  return calendarOf(items, { domain: new URL(origin).hostname, now, lang, origin });
});

const pendingRoute = implement(todosApi.pendingReminders, async ({ app, actor }) => ({
  reminders: await pendingReminders(app.db, actor.personId),
}));

const ackRoute = implement(todosApi.ackReminders, async ({ app, actor, body }) => {
  await ackReminders(app.db, actor.personId, body.ids, app.now());
  return { ok: true as const };
});

const noticesRoute = implement(todosApi.notices, async ({ app, actor }) => ({
  notices: await noticesFor(app.db, actor.personId, chinaToday(app.now()), app.now()),
}));

const allNoticesRoute = implement(todosApi.allNotices, async ({ app }) => ({
  notices: await allNotices(app.db),
}));

const publishRoute = implement(todosApi.publishNotice, async ({ app, db, actor, body }) =>
  publishNotice(db, actor.personId, body, app.now(), chinaToday(app.now())),
);

const withdrawRoute = implement(todosApi.withdrawNotice, async ({ app, actor, params }) =>
  withdrawNotice(app.db, actor.personId, params.noticeId, app.now()),
);

export const todoRoutes: readonly Route[] = [
  mineRoute,
  firmRoute,
  settingsRoute,
  saveSettingsRoute,
  rotateRoute,
  revokeRoute,
  calendarRoute,
  pendingRoute,
  ackRoute,
  noticesRoute,
  allNoticesRoute,
  publishRoute,
  withdrawRoute,
];
