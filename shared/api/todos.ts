import { z } from 'zod';
import { LeadDays, TodoKind, TodoList } from '../todos/model';
import { Notice, NoticeInput } from '../todos/notices';

export { TodoList, LeadDays, Notice, NoticeInput };

export const TodoQuery = z.strictObject({
  /** At most this many items (the home widget asks for a few); all when absent. */
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  kind: TodoKind.optional(),
});
export type TodoQuery = z.infer<typeof TodoQuery>;

export const TodoSettings = z.object({
  leadDays: z.array(z.number().int()),
  /** Whether a calendar feed link is active, and since when (the token itself is shown once). */
  calendar: z.object({ active: z.boolean(), createdAt: z.iso.datetime({ offset: true }).nullable() }),
});
export type TodoSettings = z.infer<typeof TodoSettings>;

export const TodoSettingsBody = z.strictObject({ leadDays: LeadDays });

/** A new feed link: shown once; only its hash is stored. */
export const CalendarToken = z.object({ url: z.string(), token: z.string() });

export const CalendarParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

export const Reminder = z.object({
  id: z.uuid(),
  itemKey: z.string(),
  leadDays: z.number().int(),
  dueDate: z.iso.date(),
  title: z.object({ zh: z.string(), en: z.string() }),
  body: z.object({ zh: z.string(), en: z.string() }),
  link: z.string(),
});
export type Reminder = z.infer<typeof Reminder>;
export const PendingReminders = z.object({ reminders: z.array(Reminder) });
export const AckBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });
export const Ok = z.object({ ok: z.literal(true) });

export const NoticeList = z.object({ notices: z.array(Notice) });
export const NoticeParams = z.strictObject({ noticeId: z.uuid() });
export const FirmTodoParams = z.strictObject({ firmId: z.uuid() });
