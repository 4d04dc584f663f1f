import { and, count, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { auditLog, firms, persons } from '../../db/schema';
import type { ActivityEntry, ActivityPage, ActivityQuery } from '../../../shared/api/activity';
import { maskPhone, maskResidentId } from '../../../shared/masking';
import { endOfChinaDay, startOfChinaDay } from '../../../shared/time/china';

/** Detail keys never shown: secrets and values only the platform needs (signatures, hashes, tokens). */
const HIDDEN_KEY = /token|secret|hash|signature|password/i;
const RESIDENT_ID = /^\d{17}[\dX]$/i;
const MOBILE = /^1\d{10}$/;

/** Masks personal data anywhere in an audit detail: the legal representative reads it, not its owners. */
export const maskDetail = (value: unknown): unknown => {
  if (typeof value === 'string') {
    if (RESIDENT_ID.test(value)) return maskResidentId(value);
    if (MOBILE.test(value)) return maskPhone(value);
    return value;
  }
  if (Array.isArray(value)) return value.map(maskDetail);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!HIDDEN_KEY.test(k)) out[k] = maskDetail(v);
    return out;
  }
  return value;
};

const filtersOf = (companyId: string, q: ActivityQuery): SQL[] => {
  const where: SQL[] = [eq(auditLog.companyId, companyId)];
  if (q.actor?.startsWith('firm:')) where.push(eq(auditLog.firmId, q.actor.slice(5)));
  else if (q.actor) where.push(eq(auditLog.actorPersonId, q.actor));
  if (q.action?.endsWith('.')) where.push(like(auditLog.action, `${q.action.replace(/[%_\\]/g, '\\$&')}%`));
  else if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.from) where.push(gte(auditLog.at, startOfChinaDay(q.from)));
  if (q.to) where.push(lt(auditLog.at, endOfChinaDay(q.to)));
  return where;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Entries of the company's log matching the filters, newest first (`limit` null: all of them). */
export const activityEntries = async (
  db: DbOrTx,
  companyId: string,
  q: ActivityQuery,
  limit: number | null,
): Promise<ActivityEntry[]> => {
  // A malformed actor id matches nothing rather than failing the uuid comparison.
  const actorId = q.actor?.startsWith('firm:') ? q.actor.slice(5) : q.actor;
  if (actorId && !UUID.test(actorId)) return [];
  const base = db
    .select({ a: auditLog, actorName: persons.name, firmName: firms.name })
    .from(auditLog)
    .leftJoin(persons, eq(persons.id, auditLog.actorPersonId))
    .leftJoin(firms, eq(firms.id, auditLog.firmId))
    .where(and(...filtersOf(companyId, q)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .offset(q.offset);
  const rows = limit === null ? await base : await base.limit(limit);
  return rows.map(({ a, actorName, firmName }) => ({
    id: a.id,
    at: a.at.toISOString(),
    action: a.action,
    actingAs: a.actingAs,
    actor: { personId: a.actorPersonId, name: actorName },
    firm: a.firmId ? { id: a.firmId, name: firmName ?? '' } : null,
    delegationId: a.delegationId,
    detail: maskDetail(a.detail) as Record<string, unknown>,
  }));
};

/** One page of the log with its total and the actors and actions of the whole log (for the pickers). */
export const activityPage = async (
  db: DbOrTx,
  companyId: string,
  q: ActivityQuery,
): Promise<ActivityPage> => {
  const actorId = q.actor?.startsWith('firm:') ? q.actor.slice(5) : q.actor;
  const valid = !actorId || UUID.test(actorId);
  const [entries, [totalRow], people, firmRows, actions] = await Promise.all([
    activityEntries(db, companyId, q, q.limit),
    valid
      ? db
          .select({ n: count() })
          .from(auditLog)
          .where(and(...filtersOf(companyId, q)))
      : Promise.resolve([{ n: 0 }]),
    db
      .select({ id: auditLog.actorPersonId, name: persons.name, n: count() })
      .from(auditLog)
      .innerJoin(persons, eq(persons.id, auditLog.actorPersonId))
      .where(eq(auditLog.companyId, companyId))
      .groupBy(auditLog.actorPersonId, persons.name),
    db
      .select({ id: auditLog.firmId, name: firms.name, n: count() })
      .from(auditLog)
      .innerJoin(firms, eq(firms.id, auditLog.firmId))
      .where(eq(auditLog.companyId, companyId))
      .groupBy(auditLog.firmId, firms.name),
    db
      .select({ action: auditLog.action, n: count() })
      .from(auditLog)
      .where(eq(auditLog.companyId, companyId))
      .groupBy(auditLog.action)
      .orderBy(sql`2 desc`),
  ]);
  return {
    total: Number(totalRow?.n ?? 0),
    entries,
    facets: {
      actors: [
        ...firmRows.map((f) => ({ key: `firm:${f.id}`, name: f.name, firm: true, count: Number(f.n) })),
        ...people.map((p) => ({ key: p.id!, name: p.name, firm: false, count: Number(p.n) })),
      ],
      actions: actions.map((a) => ({ action: a.action, count: Number(a.n) })),
    },
  };
};
