import { z } from 'zod';

/** What kind of deadline a to-do item is; each has its own rule (rules.ts) and action. */
export const TodoKind = z.enum([
  'tax.due',
  'tax.overdue',
  'tax.unpaid',
  'delegation.expiring',
  'licence.expiring',
  'licence.lapsed',
  'annual-report.due',
  'approval.waiting',
  'approval.decide',
  'batch.attention',
]);
export type TodoKind = z.infer<typeof TodoKind>;

const Localized = z.object({ zh: z.string(), en: z.string() });

/** One thing with a deadline, and the page that resolves it. */
export const TodoItem = z.object({
  /** Stable across days and instances: reminders and calendar UIDs are keyed by it. */
  key: z.string().min(1).max(200),
  kind: TodoKind,
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  uscc: z.string().nullable(),
  /** The deadline, a China calendar date. */
  dueDate: z.iso.date(),
  /** Days from today (China) to the deadline; negative when overdue. */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  title: Localized,
  action: z.object({ label: Localized, path: z.string().startsWith('/') }),
});
export type TodoItem = z.infer<typeof TodoItem>;

export const TodoList = z.object({
  today: z.iso.date(),
  items: z.array(TodoItem),
  /** Items beyond the first `limit` are left off (the home widget asks for a few). */
  total: z.number().int(),
});
export type TodoList = z.infer<typeof TodoList>;

/** Lead times, in days before a deadline, at which a reminder is sent. */
export const LeadDays = z
  .array(z.number({ error: 'INVALID_LEAD_DAYS' }).int().min(0).max(60))
  .max(5, { error: 'INVALID_LEAD_DAYS' })
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));
export const DEFAULT_LEAD_DAYS: readonly number[] = [7, 3, 1];
