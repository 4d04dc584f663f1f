import type { DbOrTx } from '../../db/types';
import { annualReportDue } from '../../../shared/lifecycle/annual-report';
import type { AnnualReportDueView } from '../../../shared/api/annual-reports';
import { annualReports } from '../../db/schema';
import { inArray } from 'drizzle-orm';

export type CompanyDueInput = { id: string; establishedOn: string };

/** The annual report standing of many companies at once (home page, firm roster): one query. */
export const annualReportDueFor = async (
  db: DbOrTx,
  list: readonly CompanyDueInput[],
  today: string,
): Promise<Map<string, AnnualReportDueView>> => {
  const out = new Map<string, AnnualReportDueView>();
  if (list.length === 0) return out;
  const rows = await db
    .selectDistinct({ companyId: annualReports.companyId, year: annualReports.reportYear })
    .from(annualReports)
    .where(
      inArray(
        annualReports.companyId,
        list.map((c) => c.id),
      ),
    );
  const filed = new Map<string, number[]>();
  for (const r of rows) filed.set(r.companyId, [...(filed.get(r.companyId) ?? []), r.year]);
  for (const c of list) out.set(c.id, annualReportDue(c.establishedOn, today, filed.get(c.id) ?? []));
  return out;
};
