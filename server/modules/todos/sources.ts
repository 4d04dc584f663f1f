import { and, eq, gt, gte, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { batchItems, batches, companies, delegations, licences } from '../../db/schema';
import { dueFactsForCompanies } from '../tax';
import { annualReportDueFor } from '../annual-reports';
import { addDays } from '../../../shared/calendar/iso-date';
import { chinaDate, endOfChinaDay, startOfChinaDay } from '../../../shared/time/china';
import { licenceTypeByKey } from '../../../shared/licences/catalogue';
import { text } from '../../../shared/text';
import {
  HORIZON_DAYS,
  LAPSED_OVERDUE_SHOWN_DAYS,
  LAPSED_SCOPE_CHANGE_DAYS,
  annualReportItem,
  approvalItem,
  batchItem,
  delegationItem,
  licenceItem,
  taxItem,
  type Company,
} from '../../../shared/todos/rules';
import type { TodoItem } from '../../../shared/todos/model';
import type { ScopeCompany } from './scope';

/** Bound on ids per query (PostgreSQL allows 65,535 parameters). */
const CHUNK = 5_000;

const chunks = <T>(list: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
};

const dateOf = (d: Date | string): string => (typeof d === 'string' ? d.slice(0, 10) : chinaDate(d));

export type Viewer =
  | { kind: 'person'; personId: string }
  | { kind: 'firm'; personId: string; firmId: string; role: 'admin' | 'staff' };

export type Source = (
  db: DbOrTx,
  viewer: Viewer,
  list: readonly ScopeCompany[],
  byId: ReadonlyMap<string, Company>,
  now: Date,
  today: string,
) => Promise<TodoItem[]>;

const present = <T>(x: T | null): x is T => x !== null;

/** Returns due and overdue, and payments to make (the tax module's calendar and records). */
export const taxSource: Source = async (db, _viewer, list, byId, _now, today) => {
  const facts = await dueFactsForCompanies(db, list, today);
  return facts
    .map((f) => {
      const company = byId.get(f.companyId);
      return company ? taxItem({ ...f, company }, today) : null;
    })
    .filter(present);
};

/** Annual reports: the open year's report until 30 June, and the latest year missed. */
export const annualReportSource: Source = async (db, _viewer, list, byId, _now, today) => {
  const due = await annualReportDueFor(db, list, today);
  const items: TodoItem[] = [];
  for (const [companyId, view] of due) {
    const company = byId.get(companyId);
    if (!company) continue;
    if (view.openYear !== null && view.closesOn)
      items.push(
        ...[annualReportItem({ company, reportYear: view.openYear, dueDate: view.closesOn }, today)].filter(
          present,
        ),
      );
    const latestMissed = Math.max(...view.overdueYears);
    if (Number.isFinite(latestMissed))
      items.push(
        ...[
          annualReportItem(
            { company, reportYear: latestMissed, dueDate: `${latestMissed + 1}-06-30` },
            today,
          ),
        ].filter(present),
      );
  }
  return items;
};

/** Licences expiring within the horizon, and licences lapsed or revoked needing a scope change. */
export const licenceSource: Source = async (db, _viewer, list, byId, _now, today) => {
  const expiringBy = addDays(today, HORIZON_DAYS['licence.expiring']);
  const lapsedSince = addDays(today, -(LAPSED_SCOPE_CHANGE_DAYS + LAPSED_OVERDUE_SHOWN_DAYS));
  const items: TodoItem[] = [];
  for (const part of chunks(list)) {
    const rows = await db
      .select({
        id: licences.id,
        companyId: licences.companyId,
        typeKey: licences.typeKey,
        validUntil: licences.validUntil,
        status: licences.status,
        revokedAt: licences.revokedAt,
      })
      .from(licences)
      .where(
        and(
          inArray(
            licences.companyId,
            part.map((c) => c.id),
          ),
          or(
            and(
              eq(licences.status, 'active'),
              isNotNull(licences.validUntil),
              lte(licences.validUntil, expiringBy),
              gte(licences.validUntil, lapsedSince),
            ),
            and(eq(licences.status, 'revoked'), gte(licences.revokedAt, startOfChinaDay(lapsedSince))),
          ),
        ),
      );
    for (const r of rows) {
      const company = byId.get(r.companyId);
      if (!company || r.status === 'superseded') continue;
      const item = licenceItem(
        {
          company,
          licenceId: r.id,
          typeName: licenceTypeByKey(r.typeKey)?.name ?? text(r.typeKey, r.typeKey),
          validUntil: r.validUntil,
          status: r.status,
          revokedOn: r.revokedAt ? chinaDate(r.revokedAt) : null,
        },
        today,
      );
      if (item) items.push(item);
    }
  }
  return items;
};

/**
 * Delegations ending within the horizon: for a person those granted to them and those they granted
 * as legal representative; for a firm those granted to the firm.
 */
export const delegationSource: Source = async (db, viewer, list, byId, now, today) => {
  const until = endOfChinaDay(addDays(today, HORIZON_DAYS['delegation.expiring']));
  const active = and(
    eq(delegations.status, 'approved'),
    gt(delegations.validUntil, now),
    lte(delegations.validUntil, until),
  );
  const items: TodoItem[] = [];
  for (const part of chunks(list)) {
    const ids = part.map((c) => c.id);
    const legalRepIds = part.filter((c) => c.legalRep).map((c) => c.id);
    const who =
      viewer.kind === 'firm'
        ? eq(delegations.granteeFirmId, viewer.firmId)
        : or(
            eq(delegations.granteePersonId, viewer.personId),
            legalRepIds.length > 0 ? inArray(delegations.companyId, legalRepIds) : sql`false`,
          );
    const rows = await db
      .select({
        id: delegations.id,
        companyId: delegations.companyId,
        validUntil: delegations.validUntil,
        granteePersonId: delegations.granteePersonId,
      })
      .from(delegations)
      .where(and(inArray(delegations.companyId, ids), active, who));
    for (const r of rows) {
      const company = byId.get(r.companyId);
      if (!company || !r.validUntil) continue;
      const side =
        viewer.kind === 'firm' ? 'firm' : r.granteePersonId === viewer.personId ? 'grantee' : 'grantor';
      const item = delegationItem(
        {
          company,
          delegationId: r.id,
          validUntilDate: chinaDate(r.validUntil),
          side,
          firmId: viewer.kind === 'firm' ? viewer.firmId : null,
        },
        today,
      );
      if (item) items.push(item);
    }
  }
  return items;
};

/**
 * Authorization requests waiting: a legal representative's to decide (the approvals queue), and
 * the requests the person (or the firm) sent and waits for.
 */
export const approvalSource: Source = async (db, viewer, _list, _byId, now, today) => {
  const pending = and(eq(delegations.status, 'pending'), gt(delegations.linkExpiresAt, now));
  const who =
    viewer.kind === 'firm'
      ? eq(delegations.granteeFirmId, viewer.firmId)
      : or(
          eq(delegations.requestedByPersonId, viewer.personId),
          and(
            eq(delegations.grantorPersonId, viewer.personId),
            eq(companies.legalRepPersonId, viewer.personId),
          ),
        );
  // The requests' companies are joined here: a person waits for companies they do not act for yet.
  const rows = await db
    .select({
      id: delegations.id,
      companyId: delegations.companyId,
      linkExpiresAt: delegations.linkExpiresAt,
      requestedBy: delegations.requestedByPersonId,
      name: companies.name,
      uscc: companies.uscc,
      legalRep: companies.legalRepPersonId,
    })
    .from(delegations)
    .innerJoin(companies, eq(companies.id, delegations.companyId))
    .where(and(pending, who));
  return rows
    .map((r) =>
      r.linkExpiresAt
        ? approvalItem(
            {
              company: { id: r.companyId, name: r.name, uscc: r.uscc },
              delegationId: r.id,
              expiresOn: chinaDate(r.linkExpiresAt),
              side:
                viewer.kind === 'person' &&
                r.legalRep === viewer.personId &&
                r.requestedBy !== viewer.personId
                  ? 'decide'
                  : 'waiting',
              firmId: viewer.kind === 'firm' ? viewer.firmId : null,
            },
            today,
          )
        : null,
    )
    .filter(present);
};

/** How far back a batch with failures stays on the list. */
const BATCH_DAYS = 14;

/** Batches with failed items: the person's own, or (firm view) the firm's — every batch for an admin. */
export const batchSource: Source = async (db, viewer, _list, _byId, now) => {
  const since = new Date(now.getTime() - BATCH_DAYS * 86_400_000);
  const who =
    viewer.kind === 'firm'
      ? viewer.role === 'admin'
        ? eq(batches.firmId, viewer.firmId)
        : and(eq(batches.firmId, viewer.firmId), eq(batches.ownerPersonId, viewer.personId))
      : eq(batches.ownerPersonId, viewer.personId);
  const rows = await db
    .select({
      id: batches.id,
      firmId: batches.firmId,
      createdAt: batches.createdAt,
      failed: sql<number>`count(*)::int`,
    })
    .from(batches)
    .innerJoin(batchItems, and(eq(batchItems.batchId, batches.id), eq(batchItems.status, 'failed')))
    .where(and(who, gte(batches.createdAt, since)))
    .groupBy(batches.id);
  return rows.map((r) =>
    batchItem({ batchId: r.id, firmId: r.firmId, failed: r.failed, createdOn: dateOf(r.createdAt) }),
  );
};

export const SOURCES: readonly Source[] = [
  taxSource,
  annualReportSource,
  licenceSource,
  delegationSource,
  approvalSource,
  batchSource,
];
