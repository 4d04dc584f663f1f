import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { firmMembers, todoReminders } from '../../db/schema';
import { postInbox } from '../inbox';
import { chinaToday } from '../../../shared/time/china';
import { DEFAULT_LEAD_DAYS, type TodoItem } from '../../../shared/todos/model';
import { reminderLeadsDue } from '../../../shared/todos/rules';
import { text, type LocalizedText } from '../../../shared/text';
import type { Reminder } from '../../../shared/api/todos';
import { collectTodos } from './collect';

/** Everything a person is reminded of: their own companies' items and those of every firm they work in. */
export const itemsForPerson = async (db: DbOrTx, personId: string, now: Date): Promise<TodoItem[]> => {
  const own = await collectTodos(db, { kind: 'person', personId }, now);
  const memberships = await db
    .select({ firmId: firmMembers.firmId, role: firmMembers.role })
    .from(firmMembers)
    .where(eq(firmMembers.personId, personId));
  const all = new Map(own.map((i) => [i.key, i]));
  for (const m of memberships)
    for (const i of await collectTodos(db, { kind: 'firm', personId, firmId: m.firmId, role: m.role }, now))
      all.set(i.key, i);
  return [...all.values()].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
};

const bodyOf = (item: TodoItem, lead: number): LocalizedText => {
  const who = item.companyName ? text(`${item.companyName}：`, `${item.companyName}: `) : text('', '');
  const when =
    lead === 0
      ? text('今天到期', 'due today')
      : text(
          `还有 ${item.daysLeft} 天到期（${item.dueDate}）`,
          `due in ${item.daysLeft} day(s) (${item.dueDate})`,
        );
  return text(`${who.zh}${item.title.zh}，${when.zh}`, `${who.en}${item.title.en}, ${when.en}`);
};

/**
 * The people the reminder job looks at: anyone who acts for a company (legal representative,
 * delegate) or works in a firm — one statement.
 */
const peopleToRemind = async (db: DbOrTx): Promise<{ personId: string; leadDays: number[] | null }[]> => {
  const result = (await db.execute(sql`
    select p.person_id, s.lead_days from (
      select legal_rep_person_id as person_id from companies where status = 'active'
      union select grantee_person_id from delegations where status in ('approved', 'pending') and grantee_person_id is not null
      union select requested_by_person_id from delegations where status = 'pending'
      union select person_id from firm_members
    ) p left join todo_settings s on s.person_id = p.person_id`)) as unknown as {
    rows: { person_id: string; lead_days: number[] | null }[];
  };
  return result.rows.map((r) => ({ personId: r.person_id, leadDays: r.lead_days }));
};

/**
 * The scheduled reminder run: for each person, each item whose chosen lead time has come gets one
 * reminder — inbox item and `todo.reminder` event in the transaction that inserts the reminder
 * row. The row's unique key (person, item, lead) makes the insert a no-op when any instance sent
 * it already, so running the job again, or on two instances at once, sends nothing twice.
 */
export const sendDueReminders = async (ctx: AppContext): Promise<number> => {
  const now = ctx.now();
  const today = chinaToday(now);
  let sent = 0;
  for (const person of await peopleToRemind(ctx.db)) {
    const leads = person.leadDays ?? [...DEFAULT_LEAD_DAYS];
    if (leads.length === 0) continue;
    const items = await itemsForPerson(ctx.db, person.personId, now);
    for (const item of items) {
      for (const lead of reminderLeadsDue(item.dueDate, today, leads)) {
        const title = text(`待办提醒：${item.title.zh}`, `Reminder: ${item.title.en}`);
        const body = bodyOf(item, lead);
        await ctx.db.transaction(async (tx) => {
          const [row] = await tx
            .insert(todoReminders)
            .values({
              personId: person.personId,
              itemKey: item.key,
              leadDays: lead,
              dueDate: item.dueDate,
              title,
              body,
              link: item.action.path,
              createdAt: now,
            })
            .onConflictDoNothing()
            .returning({ id: todoReminders.id });
          if (!row) return;
          await postInbox(tx, {
            personId: person.personId,
            kind: 'todo.reminder',
            title,
            body,
            link: item.action.path,
            refId: row.id,
          });
          await ctx.bus.publish(
            person.personId,
            {
              type: 'todo.reminder',
              data: {
                reminderId: row.id,
                itemKey: item.key,
                leadDays: lead,
                dueDate: item.dueDate,
                title,
                link: item.action.path,
              },
            },
            tx,
          );
          sent += 1;
        });
      }
    }
  }
  return sent;
};

export const pendingReminders = async (db: DbOrTx, personId: string): Promise<Reminder[]> => {
  const rows = await db
    .select()
    .from(todoReminders)
    .where(and(eq(todoReminders.personId, personId), isNull(todoReminders.notifiedAt)))
    .orderBy(todoReminders.createdAt)
    .limit(50);
  return rows.map((r) => ({
    id: r.id,
    itemKey: r.itemKey,
    leadDays: r.leadDays,
    dueDate: r.dueDate,
    title: r.title,
    body: r.body,
    link: r.link,
  }));
};

export const ackReminders = async (db: DbOrTx, personId: string, ids: string[], now: Date): Promise<void> => {
  await db
    .update(todoReminders)
    .set({ notifiedAt: now })
    .where(
      and(
        eq(todoReminders.personId, personId),
        inArray(todoReminders.id, ids),
        isNull(todoReminders.notifiedAt),
      ),
    );
};
