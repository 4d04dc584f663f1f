import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import type { Authority } from '../../auth/authorize';
import { annualReports } from '../../db/schema';
import { auditActingFor } from '../../audit/write';
import { DomainError } from '../../../shared/domain-error';
import { postInbox } from '../inbox';
import { checkCorrection, checkFirstFiling } from '../../../shared/lifecycle/annual-report';
import type { AnnualReportContent, Withholdable } from '../../../shared/lifecycle/annual-report-fields';
import type { AnnualReportFiled } from '../../../shared/api/annual-reports';
import { text } from '../../../shared/text';
import { connectedPeople } from '../companies';
import { filedYearsOf, getCompany, reportsOf, type ReportRow } from './store';

export const disclosurePath = (uscc: string): string => `/gs/${uscc}`;

const filedView = (row: ReportRow, uscc: string): AnnualReportFiled => ({
  id: row.id,
  reportYear: row.reportYear,
  version: row.version,
  late: row.late,
  filedAt: row.filedAt.toISOString(),
  disclosurePath: disclosurePath(uscc),
});

/** Stores one version of a report, filed by `authority` (who, acting how, through which delegation or firm). */
const insertVersion = async (
  db: DbOrTx,
  authority: Authority,
  version: {
    companyId: string;
    reportYear: number;
    version: number;
    content: AnnualReportContent;
    withheld: Withholdable[];
    late: boolean;
    correctionNote?: string;
  },
  now: Date,
): Promise<ReportRow> => {
  const [row] = await db
    .insert(annualReports)
    .values({
      ...version,
      withheld: [...new Set(version.withheld)],
      filedByPersonId: authority.personId,
      actingAs: authority.actingAs,
      delegationId: authority.delegationId ?? null,
      firmId: authority.firmId ?? null,
      filedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
};

/**
 * Files a company's first report on a year. Runs in the caller's transaction (the idempotency
 * transaction of the route): the company row is locked so two filings for one company serialize,
 * and the unique (company, year, version) index refuses whatever slips past.
 */
export const fileAnnualReport = async (
  ctx: AppContext,
  db: DbOrTx,
  authority: Authority,
  input: { reportYear: number; content: AnnualReportContent; withheld: Withholdable[] },
  today: string,
): Promise<{ filed: AnnualReportFiled; notify: string[] }> => {
  const company = await getCompany(db, authority.companyId, true);
  const reports = await reportsOf(db, company.id);
  const { late } = checkFirstFiling({
    establishedOn: company.establishedOn,
    today,
    reportYear: input.reportYear,
    filedYears: filedYearsOf(reports),
  });
  const now = ctx.now();
  const row = await insertVersion(
    db,
    authority,
    {
      companyId: company.id,
      reportYear: input.reportYear,
      version: 1,
      content: input.content,
      withheld: input.withheld,
      late,
    },
    now,
  );
  await auditActingFor(
    db,
    authority,
    'annual-report.file',
    { reportYear: input.reportYear, version: 1, late, withheld: row.withheld },
    now,
  );
  const notify = await connectedPeople(db, company.id, now);
  await postInbox(db, {
    personId: company.legalRepPersonId,
    kind: 'annual-report.filed',
    title: text(
      `${company.name}的${input.reportYear}年度报告已报送并公示`,
      `${company.name}: the ${input.reportYear} annual report was filed and published`,
    ),
    link: `/companies/${company.id}/annual-reports`,
    refId: row.id,
  });
  return { filed: filedView(row, company.uscc), notify };
};

/** A correction (DISC §12): a new version; the one it corrects is marked superseded, both stay public. */
export const correctAnnualReport = async (
  ctx: AppContext,
  db: DbOrTx,
  authority: Authority,
  reportYear: number,
  input: { content: AnnualReportContent; withheld: Withholdable[]; note: string },
  today: string,
): Promise<{ filed: AnnualReportFiled; notify: string[] }> => {
  const company = await getCompany(db, authority.companyId, true);
  const [current] = await db
    .select()
    .from(annualReports)
    .where(
      and(
        eq(annualReports.companyId, company.id),
        eq(annualReports.reportYear, reportYear),
        isNull(annualReports.supersededAt),
      ),
    );
  if (!current)
    throw new DomainError(
      'ANNUAL_REPORT_NOT_FILED',
      text(
        `${reportYear}年度报告尚未报送，请先报送。`,
        `No report has been filed for ${reportYear}; file it first.`,
      ),
      { field: 'reportYear' },
    );
  checkCorrection(reportYear, today);
  const now = ctx.now();
  await db.update(annualReports).set({ supersededAt: now }).where(eq(annualReports.id, current.id));
  const row = await insertVersion(
    db,
    authority,
    {
      companyId: company.id,
      reportYear,
      version: current.version + 1,
      content: input.content,
      withheld: input.withheld,
      late: current.late,
      correctionNote: input.note,
    },
    now,
  );
  await auditActingFor(
    db,
    authority,
    'annual-report.correct',
    { reportYear, version: row.version, corrects: current.version, note: input.note },
    now,
  );
  return { filed: filedView(row, company.uscc), notify: await connectedPeople(db, company.id, now) };
};
