import { and, eq, inArray, isNull, lte, ne, notExists, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import type { Authority } from '../../auth/authorize';
import { abnormalListEntries, abnormalListRuns, annualReports, companies } from '../../db/schema';
import { auditActingFor, writeAudit } from '../../audit/write';
import { postInbox } from '../inbox';
import { annualReportDue } from '../../../shared/lifecycle/annual-report';
import {
  assertNotBlockedByAbnormalList,
  checkRemovalApplication,
  LISTING_REASON_NO_REPORT,
  listingDate,
  listingYearDueBy,
  type BlockedAction,
} from '../../../shared/lifecycle/abnormal-list';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { connectedPeople } from '../companies';
import { filedYearsOf, getCompany, isOnAbnormalList, reportsOf } from './store';
import { todayInChina } from './today';

export type ListingRun = { ran: boolean; reportYear: number; listed: string[] };

/**
 * The 1 July job (DISC §17): puts every company without its report on `reportYear` on the abnormal
 * operations list, audited, with notice to everyone connected. Exactly once per year: the run is
 * claimed by inserting its year into `abnormal_list_runs` (primary key) in the same transaction as
 * the listing, so a second run — another instance, a restart, the next daily tick — does nothing.
 * A plain function so the job queue can call it as it is.
 */
export const listMissingAnnualReports = async (ctx: AppContext, reportYear: number): Promise<ListingRun> => {
  const today = todayInChina(ctx);
  if (today < listingDate(reportYear)) return { ran: false, reportYear, listed: [] };
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(abnormalListRuns)
      .values({ reportYear, ranAt: now, listed: 0 })
      .onConflictDoNothing()
      .returning({ year: abnormalListRuns.reportYear });
    if (claimed.length === 0) return { ran: false, listed: [] as string[] };
    const missing = await tx
      .select({ id: companies.id, name: companies.name, rep: companies.legalRepPersonId })
      .from(companies)
      .where(
        and(
          ne(companies.status, 'deregistered'),
          lte(companies.establishedOn, `${reportYear}-12-31`),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(annualReports)
              .where(
                and(eq(annualReports.companyId, companies.id), eq(annualReports.reportYear, reportYear)),
              ),
          ),
        ),
      );
    const listed: string[] = [];
    for (const c of missing) {
      const inserted = await tx
        .insert(abnormalListEntries)
        .values({
          companyId: c.id,
          reportYear,
          reason: LISTING_REASON_NO_REPORT,
          listedOn: today,
          listedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: abnormalListEntries.id });
      if (inserted.length === 0) continue;
      listed.push(c.id);
      await writeAudit(tx, {
        actorPersonId: null,
        actingAs: 'system',
        action: 'abnormal-list.list',
        companyId: c.id,
        detail: { reportYear, listedOn: today, reason: LISTING_REASON_NO_REPORT.zh },
      });
      const people = await connectedPeople(tx, c.id, now);
      // In the listing's transaction (outbox): open clients hear of it only if the listing commits.
      await ctx.bus.publishTo(
        people,
        { type: 'abnormal-list.listed', data: { companyId: c.id, reportYear } },
        tx,
      );
      for (const personId of people)
        await postInbox(tx, {
          personId,
          kind: 'abnormal-list.listed',
          title: text(
            `${c.name}因未报送${reportYear}年度报告被列入经营异常名录`,
            `${c.name} was put on the abnormal operations list: no ${reportYear} annual report`,
          ),
          body: text(
            '补报所有未报年度的年报后，可申请移出经营异常名录。',
            'File every missing annual report, then apply for removal from the list.',
          ),
          link: `/companies/${c.id}/annual-reports`,
          refId: c.id,
        });
    }
    await tx
      .update(abnormalListRuns)
      .set({ listed: listed.length })
      .where(eq(abnormalListRuns.reportYear, reportYear));
    return { ran: true, listed };
  });
  return { ran: result.ran, reportYear, listed: result.listed };
};

/**
 * Removal (§3.7): every missing year filed, then an application, decided at once (the platform
 * can see every year is filed). Runs in the caller's transaction.
 */
export const applyForRemoval = async (
  ctx: AppContext,
  db: DbOrTx,
  authority: Authority,
): Promise<{ removed: number[]; removedOn: string; notify: string[] }> => {
  const today = todayInChina(ctx);
  const company = await getCompany(db, authority.companyId, true);
  const open = await db
    .select()
    .from(abnormalListEntries)
    .where(and(eq(abnormalListEntries.companyId, company.id), isNull(abnormalListEntries.removedAt)));
  if (open.length === 0)
    throw new DomainError(
      'ABNORMAL_LIST_NOT_LISTED',
      text('企业不在经营异常名录中，无需申请移出。', 'The company is not on the abnormal operations list.'),
    );
  const filed = filedYearsOf(await reportsOf(db, company.id));
  const due = annualReportDue(company.establishedOn, today, filed);
  // The open year (still in its window) is not missing yet; every overdue one is.
  checkRemovalApplication(due.overdueYears);
  const now = ctx.now();
  await db
    .update(abnormalListEntries)
    .set({ removalAppliedAt: now, removedOn: today, removedAt: now, removedByPersonId: authority.personId })
    .where(
      inArray(
        abnormalListEntries.id,
        open.map((e) => e.id),
      ),
    );
  const removed = open.map((e) => e.reportYear);
  await auditActingFor(
    db,
    authority,
    'abnormal-list.remove',
    { reportYears: removed, removedOn: today },
    now,
  );
  const notify = await connectedPeople(db, company.id, now);
  for (const personId of notify)
    await postInbox(db, {
      personId,
      kind: 'abnormal-list.removed',
      title: text(
        `${company.name}已移出经营异常名录`,
        `${company.name} was removed from the abnormal operations list`,
      ),
      link: `/companies/${company.id}/annual-reports`,
      refId: company.id,
    });
  return { removed, removedOn: today, notify };
};

/** For other modules: refuses an action the abnormal list blocks (§3.9) while the company is listed. */
export const assertNotOnAbnormalList = async (
  db: DbOrTx,
  companyId: string,
  action: BlockedAction,
): Promise<void> => assertNotBlockedByAbnormalList(action, await isOnAbnormalList(db, companyId));

/** The scheduled check (a background job): lists the year due by today, once per year. */
export const runAbnormalListJob = async (ctx: AppContext): Promise<void> => {
  await listMissingAnnualReports(ctx, listingYearDueBy(todayInChina(ctx)));
};
