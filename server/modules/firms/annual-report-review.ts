import type { AppContext } from '../../context';
import type { DbOrTx } from '../../db/types';
import { authorize } from '../../auth/authorize';
import { DomainError, isDomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { chinaToday } from '../../../shared/time/china';
import { maskCompanyName, maskUscc } from '../../../shared/masking';
import type {
  AnnualReportClients,
  AnnualReportReview,
  AnnualReportReviewRow,
} from '../../../shared/firms/annual-report-batch';
import { missingItems } from '../../../shared/firms/annual-report-batch';
import { annualReportDueFor, prefillForFiling } from '../annual-reports';
import { firmClientCompanies } from './client-companies';
import { visibleClientIds, type FirmMembership } from './access';

const notInGroup = text(
  '您所在的分组不负责该客户，请联系事务所管理员。',
  'This client is not in any of your access groups; ask your firm admin.',
);

/**
 * Per client of the firm: may the member file its report on `reportYear` now (authorized as the
 * batch will be, with the scope `annual-report.file`), and if so what the platform prefills and
 * what the firm must supply. A client outside the member's access groups is listed masked, with
 * nothing of its data.
 */
export const annualReportRows = async (
  ctx: AppContext,
  db: DbOrTx,
  m: FirmMembership,
  input: { reportYear: number; clients: AnnualReportClients; now: Date },
): Promise<AnnualReportReviewRow[]> => {
  const today = chinaToday(input.now);
  const visible = await visibleClientIds(db, m);
  const all = (await firmClientCompanies(db, m.firmId)).filter((c) => c.status !== 'deregistered');
  const wanted = 'companyIds' in input.clients ? input.clients.companyIds : undefined;
  let candidates: typeof all;
  if (wanted) {
    const byId = new Map(all.map((c) => [c.id, c]));
    const unknown = wanted.filter((id) => !byId.has(id)).length;
    if (unknown > 0)
      throw new DomainError(
        'NOT_A_CLIENT',
        text(
          `有 ${unknown} 家所选企业不是本事务所的客户。`,
          `${unknown} of the selected companies are not clients of the firm.`,
        ),
        { field: 'clients' },
      );
    candidates = [...new Set(wanted)].map((id) => byId.get(id)!);
  } else candidates = all.filter((c) => !visible || visible.has(c.id));
  const due = await annualReportDueFor(db, candidates, today);
  // "Due": the report on the year is still missing (a filed one is not offered again).
  if (!wanted) candidates = candidates.filter((c) => due.get(c.id)?.missingYears.includes(input.reportYear));

  const rows: AnnualReportReviewRow[] = [];
  for (const c of candidates) {
    const d = due.get(c.id);
    const base = {
      companyId: c.id,
      late: false,
      daysLeft: d?.openYear === input.reportYear ? d.daysLeft : null,
      content: {},
      sources: {},
      missing: [],
      withheld: [],
    };
    if (visible && !visible.has(c.id)) {
      rows.push({
        ...base,
        name: maskCompanyName(c.name),
        uscc: maskUscc(c.uscc),
        code: 'NOT_IN_ACCESS_GROUP',
        reason: notInGroup,
      });
      continue;
    }
    const named = { ...base, name: c.name, uscc: c.uscc };
    const decision = await authorize(db, {
      personId: m.personId,
      companyId: c.id,
      scope: 'annual-report.file',
      now: input.now,
    });
    if (!decision.allowed) {
      rows.push({ ...named, code: decision.code, reason: decision.text });
      continue;
    }
    try {
      const p = await prefillForFiling(ctx, db, c.id, input.reportYear, today);
      rows.push({
        ...named,
        late: p.late,
        code: null,
        reason: null,
        content: p.content,
        sources: p.sources,
        missing: missingItems(p.content),
        withheld: p.withheld,
      });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      rows.push({ ...named, code: e.code, reason: e.text });
    }
  }
  return rows;
};

export const reviewAnnualReports = async (
  ctx: AppContext,
  m: FirmMembership,
  input: { reportYear: number; clients: AnnualReportClients; now: Date },
): Promise<AnnualReportReview> => {
  const rows = await annualReportRows(ctx, ctx.db, m, input);
  const open = rows.filter((r) => !r.code);
  return {
    reportYear: input.reportYear,
    rows,
    readyCount: open.filter((r) => r.missing.length === 0).length,
    incompleteCount: open.filter((r) => r.missing.length > 0).length,
  };
};
