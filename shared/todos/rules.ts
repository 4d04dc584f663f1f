import { addDays, daysBetween } from '../calendar/iso-date';
import { text, type LocalizedText } from '../text';
import type { TodoItem, TodoKind } from './model';

/**
 * The to-do centre's rules as data: for each kind, how far ahead it is shown, its title and the
 * action that resolves it. The server gathers the facts with set-based queries; these functions
 * turn facts into items, so the same rules serve the page, the reminders and the calendar feed.
 */

/** How many days before its deadline an item of each kind appears (overdue items always do). */
export const HORIZON_DAYS: Record<TodoKind, number> = {
  'tax.due': 45,
  'tax.overdue': 0,
  'tax.unpaid': 45,
  'delegation.expiring': 30,
  'licence.expiring': 60,
  'licence.lapsed': 30,
  'annual-report.due': 60,
  'approval.waiting': 30,
  'approval.decide': 30,
  'batch.attention': 0,
};

/** A lapsed or revoked licence: the scope must change (or the company deregister) within 30 days (REG §26). */
export const LAPSED_SCOPE_CHANGE_DAYS = 30;
/** How long past its deadline a lapsed-licence item stays on the list (after that the bureau acts). */
export const LAPSED_OVERDUE_SHOWN_DAYS = 30;

export type Company = { id: string; name: string; uscc: string };

type Draft = {
  key: string;
  kind: TodoKind;
  company: Company | null;
  dueDate: string;
  title: LocalizedText;
  action: { label: LocalizedText; path: string };
};

/** Whether an item is on the list today: within its kind's horizon, or overdue. */
export const isShown = (kind: TodoKind, dueDate: string, today: string): boolean =>
  daysBetween(today, dueDate) <= HORIZON_DAYS[kind];

export const toItem = (d: Draft, today: string): TodoItem => {
  const daysLeft = daysBetween(today, d.dueDate);
  return {
    key: d.key,
    kind: d.kind,
    companyId: d.company?.id ?? null,
    companyName: d.company?.name ?? null,
    uscc: d.company?.uscc ?? null,
    dueDate: d.dueDate,
    daysLeft,
    overdue: daysLeft < 0,
    title: d.title,
    action: d.action,
  };
};

const TAX_NAME: Record<'vat' | 'cit-prepay' | 'cit-annual', LocalizedText> = {
  vat: text('增值税及附加税费', 'VAT and surcharges'),
  'cit-prepay': text('企业所得税预缴', 'CIT prepayment'),
  'cit-annual': text('企业所得税汇算清缴', 'CIT annual settlement'),
};

export type TaxFact = {
  company: Company;
  tax: 'vat' | 'cit-prepay' | 'cit-annual';
  periodKey: string;
  form: string | null;
  dueDate: string;
  state: 'due' | 'overdue' | 'period-open' | 'unpaid';
  returnId: string | null;
  amountDue: string | null;
};

export const taxItem = (f: TaxFact, today: string): TodoItem | null => {
  const kind: TodoKind = f.state === 'unpaid' ? 'tax.unpaid' : f.dueDate < today ? 'tax.overdue' : 'tax.due';
  if (!isShown(kind, f.dueDate, today)) return null;
  const name = TAX_NAME[f.tax];
  const companyPath = `/companies/${f.company.id}`;
  if (kind === 'tax.unpaid')
    return toItem(
      {
        key: `tax.unpaid:${f.company.id}:${f.tax}:${f.periodKey}`,
        kind,
        company: f.company,
        dueDate: f.dueDate,
        title: text(`缴纳${name.zh}（${f.periodKey}）`, `Pay ${name.en} (${f.periodKey})`),
        action: {
          label: text('去缴款', 'Pay'),
          path: f.returnId ? `${companyPath}/tax/returns/${f.returnId}` : companyPath,
        },
      },
      today,
    );
  return toItem(
    {
      // Due and overdue share the key: a reminder sent while due is not sent again once overdue.
      key: `tax.return:${f.company.id}:${f.tax}:${f.periodKey}`,
      kind,
      company: f.company,
      dueDate: f.dueDate,
      title: text(`申报${name.zh}（${f.periodKey}）`, `File ${name.en} (${f.periodKey})`),
      action: {
        label: text('去申报', 'File'),
        path: f.form ? `${companyPath}/tax/file/${f.form}/${f.periodKey}` : companyPath,
      },
    },
    today,
  );
};

/** Where the holder of a delegation goes to act on it: the grantor to the list, a firm to its roster. */
export type DelegationFact = {
  company: Company;
  delegationId: string;
  validUntilDate: string;
  /** The grantor sees "renew or let it end", the grantee "ask for a renewal". */
  side: 'grantor' | 'grantee' | 'firm';
  firmId: string | null;
};

export const delegationItem = (f: DelegationFact, today: string): TodoItem | null => {
  if (f.validUntilDate < today || !isShown('delegation.expiring', f.validUntilDate, today)) return null;
  const path =
    f.side === 'grantor'
      ? '/delegations'
      : f.side === 'firm' && f.firmId
        ? `/firm/${f.firmId}/roster`
        : `/companies/${f.company.id}`;
  return toItem(
    {
      key: `delegation.expiring:${f.delegationId}`,
      kind: 'delegation.expiring',
      company: f.company,
      dueDate: f.validUntilDate,
      title: text('授权即将到期', 'Authorization expiring'),
      action: { label: text(f.side === 'grantor' ? '查看授权' : '申请续期', 'Renew'), path },
    },
    today,
  );
};

export type LicenceFact = {
  company: Company;
  licenceId: string;
  typeName: LocalizedText;
  validUntil: string | null;
  status: 'active' | 'revoked';
  revokedOn: string | null;
};

/**
 * A licence expiring soon (renew it), or lapsed / revoked: lifecycle.md §1.8 — the company must
 * change its business scope or deregister within 30 days; shown until 30 days past that.
 */
export const licenceItem = (f: LicenceFact, today: string): TodoItem | null => {
  const lapsedOn =
    f.status === 'revoked' ? f.revokedOn : f.validUntil && f.validUntil < today ? f.validUntil : null;
  if (lapsedOn) {
    const dueDate = addDays(lapsedOn, LAPSED_SCOPE_CHANGE_DAYS);
    if (daysBetween(dueDate, today) > LAPSED_OVERDUE_SHOWN_DAYS) return null;
    return toItem(
      {
        key: `licence.lapsed:${f.licenceId}`,
        kind: 'licence.lapsed',
        company: f.company,
        dueDate,
        title: text(
          `${f.typeName.zh}已${f.status === 'revoked' ? '撤销' : '失效'}，须变更经营范围`,
          `${f.typeName.en} ${f.status === 'revoked' ? 'revoked' : 'lapsed'}: change the business scope`,
        ),
        action: {
          label: text('变更经营范围', 'Change scope'),
          path: `/companies/${f.company.id}/changes/new`,
        },
      },
      today,
    );
  }
  if (!f.validUntil || !isShown('licence.expiring', f.validUntil, today)) return null;
  return toItem(
    {
      key: `licence.expiring:${f.licenceId}`,
      kind: 'licence.expiring',
      company: f.company,
      dueDate: f.validUntil,
      title: text(`${f.typeName.zh}即将到期`, `${f.typeName.en} expiring`),
      action: {
        label: text('办理延续', 'Renew'),
        path: `/companies/${f.company.id}/licences/${f.licenceId}`,
      },
    },
    today,
  );
};

export type AnnualReportFact = { company: Company; reportYear: number; dueDate: string };

export const annualReportItem = (f: AnnualReportFact, today: string): TodoItem | null => {
  if (!isShown('annual-report.due', f.dueDate, today)) return null;
  return toItem(
    {
      key: `annual-report:${f.company.id}:${f.reportYear}`,
      kind: 'annual-report.due',
      company: f.company,
      dueDate: f.dueDate,
      title: text(`报送${f.reportYear}年度报告`, `File the ${f.reportYear} annual report`),
      action: { label: text('填报年报', 'File'), path: `/companies/${f.company.id}/annual-reports` },
    },
    today,
  );
};

export type ApprovalFact = {
  company: Company;
  delegationId: string;
  /** The link's end: after it the request lapses. */
  expiresOn: string;
  side: 'decide' | 'waiting';
  firmId: string | null;
};

export const approvalItem = (f: ApprovalFact, today: string): TodoItem | null => {
  const kind: TodoKind = f.side === 'decide' ? 'approval.decide' : 'approval.waiting';
  if (f.expiresOn < today || !isShown(kind, f.expiresOn, today)) return null;
  return toItem(
    {
      key: `${kind}:${f.delegationId}`,
      kind,
      company: f.company,
      dueDate: f.expiresOn,
      title:
        kind === 'approval.decide'
          ? text('授权申请待您确认', 'An authorization request waits for you')
          : text('授权申请待法定代表人确认', 'Your authorization request waits for the legal representative'),
      action:
        kind === 'approval.decide'
          ? { label: text('去确认', 'Review'), path: '/approvals' }
          : {
              label: text('查看申请', 'View request'),
              path: f.firmId ? `/firm/${f.firmId}/roster` : `/companies/${f.company.id}`,
            },
    },
    today,
  );
};

export type BatchFact = { batchId: string; firmId: string | null; failed: number; createdOn: string };

/** A batch with failed items needs someone now: its "deadline" is the day it was made. */
export const batchItem = (f: BatchFact): TodoItem => {
  const path = f.firmId ? `/firm/${f.firmId}/batches/${f.batchId}` : '/';
  return toItem(
    {
      key: `batch.attention:${f.batchId}`,
      kind: 'batch.attention',
      company: null,
      dueDate: f.createdOn,
      title: text(`批量任务有 ${f.failed} 项失败`, `A batch has ${f.failed} failed item(s)`),
      action: { label: text('处理失败项', 'Review failures'), path },
    },
    f.createdOn,
  );
};

/** One collator for every comparison: `localeCompare` with a locale builds one per call (50,000 items). */
const byName = new Intl.Collator('zh-CN');

/** Soonest deadline first; ties by client name, then kind, so the order is stable. */
export const sortTodos = (items: TodoItem[], today: string): TodoItem[] =>
  items
    .map((i) => ({ ...i, daysLeft: daysBetween(today, i.dueDate), overdue: i.dueDate < today }))
    .sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) ||
        byName.compare(a.companyName ?? '', b.companyName ?? '') ||
        a.kind.localeCompare(b.kind) ||
        a.key.localeCompare(b.key),
    );

export type TodoGroup = {
  companyId: string | null;
  companyName: string | null;
  uscc: string | null;
  items: TodoItem[];
};

/** Grouped by client, the groups in the order of their soonest item (input sorted by deadline). */
export const groupByClient = (items: readonly TodoItem[]): TodoGroup[] => {
  const groups = new Map<string, TodoGroup>();
  for (const item of items) {
    const id = item.companyId ?? '';
    let g = groups.get(id);
    if (!g) {
      g = { companyId: item.companyId, companyName: item.companyName, uscc: item.uscc, items: [] };
      groups.set(id, g);
    }
    g.items.push(item);
  }
  return [...groups.values()];
};

/** The lead time a reminder is due at today: the largest chosen lead not yet passed (one per run). */
export const reminderLeadsDue = (dueDate: string, today: string, leads: readonly number[]): number[] => {
  const left = daysBetween(today, dueDate);
  if (left < 0) return [];
  // Each lead whose day has come; the job sends only those not sent before (unique key), so a
  // platform down for a few days sends only the nearest one rather than a burst.
  const reached = leads.filter((lead) => left <= lead);
  return reached.length === 0 ? [] : [Math.min(...reached)];
};
