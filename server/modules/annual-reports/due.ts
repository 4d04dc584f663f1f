import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { annualReports } from '../../db/schema';
import { annualReportDue } from '../../../shared/lifecycle/annual-report';
import type { AnnualReportDueView } from '../../../shared/api/annual-reports';

export type CompanyDueInput = { id: string; establishedOn: string };

/** Bound on ids per query (PostgreSQL allows 65,535 parameters). */
const CHUNK = 5_000;

/** The annual report standing of many companies at once (home page, firm roster): set-based queries. */
export const annualReportDueFor = async (
  db: DbOrTx,
  list: readonly CompanyDueInput[],
  today: string,
): Promise<Map<string, AnnualReportDueView>> => {
  const filed = new Map<string, number[]>();
  for (let i = 0; i < list.length; i += CHUNK) {
    const ids = list.slice(i, i + CHUNK).map((c) => c.id);
    const rows = await db
      .selectDistinct({ companyId: annualReports.companyId, year: annualReports.reportYear })
      .from(annualReports)
      .where(inArray(annualReports.companyId, ids));
    for (const r of rows) filed.set(r.companyId, [...(filed.get(r.companyId) ?? []), r.year]);
  }
  const out = new Map<string, AnnualReportDueView>();
  for (const c of list) out.set(c.id, annualReportDue(c.establishedOn, today, filed.get(c.id) ?? []));
  return out;
};
