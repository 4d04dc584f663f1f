import type { DbOrTx } from '../../db/types';
import { annualReportDue, correctionDeadline } from '../../../shared/lifecycle/annual-report';
import type { AnnualReportOverview } from '../../../shared/api/annual-reports';
import { entryView, filedYearsOf, getCompany, listEntriesOf, reportsOf, versionView } from './store';

/** What is due, what was filed (every version), which years may still be corrected, and the list. */
export const annualReportOverview = async (
  db: DbOrTx,
  companyId: string,
  today: string,
): Promise<AnnualReportOverview> => {
  const company = await getCompany(db, companyId);
  const rows = await reportsOf(db, companyId);
  const filed = filedYearsOf(rows);
  const entries = (await listEntriesOf(db, companyId)).map(entryView);
  return {
    today,
    establishedOn: company.establishedOn,
    due: annualReportDue(company.establishedOn, today, filed),
    reports: rows.map(versionView),
    correctable: filed.filter((y) => today <= correctionDeadline(y)),
    abnormalList: { listed: entries.some((e) => e.removedOn === null), entries },
  };
};
