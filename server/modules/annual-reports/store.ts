import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { abnormalListEntries, annualReports, companies } from '../../db/schema';
import { notFound } from '../../http/errors';
import { AnnualReportContent } from '../../../shared/lifecycle/annual-report-fields';
import type { AbnormalListEntryView, AnnualReportVersionView } from '../../../shared/api/annual-reports';
import { text } from '../../../shared/text';

export type CompanyRow = typeof companies.$inferSelect;
export type ReportRow = typeof annualReports.$inferSelect;
export type ListEntryRow = typeof abnormalListEntries.$inferSelect;

export const getCompany = async (db: DbOrTx, companyId: string, forUpdate = false): Promise<CompanyRow> => {
  const q = db.select().from(companies).where(eq(companies.id, companyId));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound(text('企业', 'Company'));
  return row;
};

/** Every version of every report of a company, oldest first. */
export const reportsOf = (db: DbOrTx, companyId: string): Promise<ReportRow[]> =>
  db
    .select()
    .from(annualReports)
    .where(eq(annualReports.companyId, companyId))
    .orderBy(asc(annualReports.reportYear), asc(annualReports.version));

export const filedYearsOf = (rows: readonly ReportRow[]): number[] => [
  ...new Set(rows.map((r) => r.reportYear)),
];

export const listEntriesOf = (db: DbOrTx, companyId: string): Promise<ListEntryRow[]> =>
  db
    .select()
    .from(abnormalListEntries)
    .where(eq(abnormalListEntries.companyId, companyId))
    .orderBy(asc(abnormalListEntries.reportYear));

/** Whether the company is on the abnormal operations list now (any entry not removed). */
export const isOnAbnormalList = async (db: DbOrTx, companyId: string): Promise<boolean> => {
  const rows = await db
    .select({ id: abnormalListEntries.id })
    .from(abnormalListEntries)
    .where(and(eq(abnormalListEntries.companyId, companyId), isNull(abnormalListEntries.removedAt)))
    .limit(1);
  return rows.length > 0;
};

/** Rows parsed back into the domain schema at the storage boundary. */
export const versionView = (r: ReportRow): AnnualReportVersionView => ({
  id: r.id,
  reportYear: r.reportYear,
  version: r.version,
  late: r.late,
  filedAt: r.filedAt.toISOString(),
  supersededAt: r.supersededAt?.toISOString() ?? null,
  correctionNote: r.correctionNote,
  withheld: r.withheld,
  content: AnnualReportContent.parse(r.content),
});

export const entryView = (e: ListEntryRow): AbnormalListEntryView => ({
  reportYear: e.reportYear,
  reason: e.reason,
  listedOn: e.listedOn,
  removalAppliedAt: e.removalAppliedAt?.toISOString() ?? null,
  removedOn: e.removedOn,
});
