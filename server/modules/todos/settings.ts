import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { todoSettings } from '../../db/schema';
import { DEFAULT_LEAD_DAYS } from '../../../shared/todos/model';
import type { TodoSettings } from '../../../shared/api/todos';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** 32 random bytes, URL-safe: the calendar link's secret (only its hash is stored). */
export const newCalendarToken = (): string => randomBytes(32).toString('base64url');

export const leadDaysOf = async (db: DbOrTx, personId: string): Promise<number[]> => {
  const [row] = await db
    .select({ leadDays: todoSettings.leadDays })
    .from(todoSettings)
    .where(eq(todoSettings.personId, personId));
  return row?.leadDays ?? [...DEFAULT_LEAD_DAYS];
};

export const settingsOf = async (db: DbOrTx, personId: string): Promise<TodoSettings> => {
  const [row] = await db.select().from(todoSettings).where(eq(todoSettings.personId, personId));
  return {
    leadDays: row?.leadDays ?? [...DEFAULT_LEAD_DAYS],
    calendar: {
      active: Boolean(row?.calendarTokenHash),
      createdAt:
        row?.calendarTokenHash && row.calendarTokenCreatedAt
          ? row.calendarTokenCreatedAt.toISOString()
          : null,
    },
  };
};

/** Creates the person's settings row with defaults when missing, then applies `set`. */
export const upsertSettings = async (
  db: DbOrTx,
  personId: string,
  set: Partial<typeof todoSettings.$inferInsert>,
  now: Date,
): Promise<void> => {
  await db
    .insert(todoSettings)
    .values({ personId, leadDays: [...DEFAULT_LEAD_DAYS], ...set, updatedAt: now })
    .onConflictDoUpdate({ target: todoSettings.personId, set: { ...set, updatedAt: now } });
};

/** The person whose feed token this is, or null (unknown or revoked). */
export const personOfToken = async (db: DbOrTx, token: string): Promise<string | null> => {
  const [row] = await db
    .select({ personId: todoSettings.personId })
    .from(todoSettings)
    .where(eq(todoSettings.calendarTokenHash, hashToken(token)));
  return row?.personId ?? null;
};
