import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { delegations } from '../../db/schema';
import { scopesCover } from '../../../shared/delegation/scopes';
import { clientDelegationState } from '../../../shared/firms/client-state';
import { zeroFilingProblem, type Ineligibility } from '../../../shared/firms/zero-eligibility';
import { parsePeriodKey, periodEnd, periodKey, periodStart } from '../../../shared/api/tax-period';
import { chinaToday } from '../../../shared/time/china';
import { periodLabel, type TaxPeriod } from '../../../shared/tax/period';
import { text } from '../../../shared/text';
import { DomainError } from '../../../shared/domain-error';
import type {
  ClientSelection,
  EligibilityRow,
  PreflightCheck,
  PreflightOverride,
  ZeroFilingPreview,
  ZeroFilingTax,
} from '../../../shared/api/firms';
import { blocking, preflight } from '../../../shared/firms/preflight';
import { preflightFacts } from './preflight-facts';
import { firmClientCompanies } from './client-companies';
import { visibleClientIds, type FirmMembership } from './access';
import { alreadyFiled, returnStates, salesInPeriod } from './tax-facts';

export const parsePeriod = (key: string): TaxPeriod => {
  const p = parsePeriodKey(key);
  if (!p)
    throw new DomainError('INVALID_PERIOD', text('申报期间格式不正确。', 'The period is not valid.'), {
      field: 'periodKey',
    });
  return p;
};

const authorityProblem = (
  state: ReturnType<typeof clientDelegationState>['state'],
  coversScope: boolean,
): Ineligibility | null => {
  const no = (code: string, zh: string, en: string): Ineligibility => ({ code, reason: text(zh, en) });
  if (state === 'active' || state === 'expiring')
    return coversScope
      ? null
      : no(
          'SCOPE_NOT_GRANTED',
          '本事务所的授权不包含“税费申报”，请申请相应授权。',
          'The firm’s authorization does not include tax filing; request it.',
        );
  if (state === 'pending')
    return no(
      'DELEGATION_PENDING',
      '授权申请尚待法定代表人刷脸确认。',
      'The authorization request is still waiting for the legal representative.',
    );
  if (state === 'expired')
    return no(
      'DELEGATION_EXPIRED',
      '本事务所的授权已过期，请申请续期。',
      'The firm’s authorization has expired; request a renewal.',
    );
  if (state === 'revoked')
    return no(
      'DELEGATION_REVOKED',
      '法定代表人已撤销对本事务所的授权。',
      'The legal representative revoked the firm’s authorization.',
    );
  if (state === 'rejected')
    return no(
      'DELEGATION_REJECTED',
      '法定代表人拒绝了本事务所的授权申请。',
      'The legal representative declined the firm’s request.',
    );
  return no(
    'NO_FIRM_DELEGATION',
    '本事务所尚未获得该企业授权，请先向其法定代表人申请授权。',
    'The firm has no authorization from this company; request one from its legal representative.',
  );
};

/**
 * Who among the selected clients can have a nil return filed by this member now, and why not the
 * others — in a fixed number of queries, so a preview over thousands of clients stays quick.
 * Authority is judged as the firm's: at filing time each item is authorized again, one by one.
 */
export const zeroFilingRows = async (
  db: DbOrTx,
  m: FirmMembership,
  input: {
    tax: ZeroFilingTax;
    period: TaxPeriod;
    clients: ClientSelection;
    now: Date;
    overrides?: readonly PreflightOverride[];
  },
): Promise<EligibilityRow[]> => {
  const today = chinaToday(input.now);
  const [start, end] = [periodStart(input.period), periodEnd(input.period)];
  const visible = await visibleClientIds(db, m);
  const wanted = 'companyIds' in input.clients ? new Set(input.clients.companyIds) : undefined;
  const all = await firmClientCompanies(db, m.firmId);
  let candidates = wanted
    ? all.filter((c) => wanted.has(c.id))
    : all.filter((c) => !visible || visible.has(c.id));
  if (wanted && candidates.length !== wanted.size) {
    const missing = wanted.size - candidates.length;
    throw new DomainError(
      'NOT_A_CLIENT',
      text(
        `有 ${missing} 家所选企业不是本事务所的客户。`,
        `${missing} of the selected companies are not clients of the firm.`,
      ),
      { field: 'clients' },
    );
  }
  const scope =
    wanted && wanted.size <= 1000 ? { companyIds: candidates.map((c) => c.id) } : { firmId: m.firmId };
  const sales =
    input.tax === 'vat' ? await salesInPeriod(db, scope, input.period) : new Map<string, string>();
  if (!wanted) candidates = candidates.filter((c) => !sales.has(c.id));
  if (candidates.length === 0) return [];
  const key = periodKey(input.period);
  const states = await returnStates(db, scope, [key]);
  const dRows = await db
    .select({
      companyId: delegations.companyId,
      status: delegations.status,
      validUntil: delegations.validUntil,
      singleUse: delegations.singleUse,
      usedAt: delegations.usedAt,
      createdAt: delegations.createdAt,
      scopes: delegations.scopes,
    })
    .from(delegations)
    .where(
      and(
        eq(delegations.granteeFirmId, m.firmId),
        candidates.length <= 1000
          ? inArray(
              delegations.companyId,
              candidates.map((c) => c.id),
            )
          : undefined,
      ),
    );
  const byCompany = new Map<string, typeof dRows>();
  for (const d of dRows) {
    const list = byCompany.get(d.companyId) ?? [];
    list.push(d);
    byCompany.set(d.companyId, list);
  }

  const facts = await preflightFacts(db, {
    firmId: m.firmId,
    kind: 'zero',
    period: input.period,
    clients: candidates,
    now: input.now,
    sales,
  });
  const overrides = new Map<string, PreflightOverride[]>();
  for (const o of input.overrides ?? [])
    overrides.set(o.companyId, [...(overrides.get(o.companyId) ?? []), o]);

  const rows: EligibilityRow[] = [];
  for (const c of candidates) {
    let problem: Ineligibility | null = null;
    if (visible && !visible.has(c.id))
      problem = {
        code: 'NOT_IN_ACCESS_GROUP',
        reason: text(
          '您所在的分组不负责该客户，请联系事务所管理员。',
          'This client is not in any of your access groups; ask your firm admin.',
        ),
      };
    if (!problem) {
      const ds = byCompany.get(c.id) ?? [];
      const state = clientDelegationState(ds, input.now);
      const covering = ds.some(
        (d) =>
          d.status === 'approved' &&
          (!d.validUntil || d.validUntil > input.now) &&
          scopesCover(d.scopes, 'tax.file'),
      );
      problem = authorityProblem(state.state, covering);
    }
    problem ??= zeroFilingProblem(c, {
      tax: input.tax,
      period: input.period,
      today,
      periodStart: start,
      periodEnd: end,
      filed: alreadyFiled(states.get(c.id), input.tax, key),
      sales: sales.get(c.id),
    });
    const findings = preflight(facts.get(c.id)!);
    const mine = overrides.get(c.id) ?? [];
    const stops = blocking(findings, mine);
    const checks: PreflightCheck[] = findings.map((f) => ({
      ...f,
      overridden: f.overridable && !stops.includes(f),
    }));
    // The authority or filing problem comes first; else the first pre-flight finding still blocking.
    const first = problem ?? stops[0] ?? null;
    rows.push({
      companyId: c.id,
      name: c.name,
      uscc: c.uscc,
      eligible: !first,
      code: first?.code ?? null,
      reason: first?.reason ?? null,
      checks,
    });
  }
  return rows;
};

export const previewZeroFiling = async (
  db: DbOrTx,
  m: FirmMembership,
  input: {
    tax: ZeroFilingTax;
    periodKey: string;
    clients: ClientSelection;
    now: Date;
    overrides?: readonly PreflightOverride[];
  },
): Promise<ZeroFilingPreview> => {
  const period = parsePeriod(input.periodKey);
  const rows = await zeroFilingRows(db, m, { ...input, period });
  return {
    tax: input.tax,
    periodKey: input.periodKey,
    periodLabel: periodLabel(period),
    eligibleCount: rows.filter((r) => r.eligible).length,
    rows,
  };
};
