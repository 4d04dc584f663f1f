import Decimal from 'decimal.js';
import { DomainError } from '../domain-error';
import { text } from '../text';
import { addDays, daysBetween } from '../calendar/iso-date';
import { CHANGE_LIMITS, changeItemRule, statutoryMinimumCapital, type ChangeItemKey } from './change-items';

/**
 * The rules of a change registration (lifecycle.md §1) as pure functions. Dates are China calendar
 * dates (YYYY-MM-DD); callers pass "today in China".
 */

export type ChangeDeadline = {
  /** Last day to apply: 30 days after the resolution (REG §24). */
  deadline: string;
  /** Days left (negative once passed). */
  daysLeft: number;
  /** Past the deadline: accepted with a note that a fine may follow (REG §46–47). */
  late: boolean;
};

/** The 30-day duty after the resolution: shown, warned about, never a refusal (§1.3). */
export const changeDeadline = (resolutionDate: string, today: string): ChangeDeadline => {
  if (resolutionDate > today)
    throw new DomainError(
      'RESOLUTION_DATE_IN_FUTURE',
      text('决议日期不能晚于今天。', 'The resolution date cannot be later than today.'),
      { field: 'resolutionDate' },
    );
  const deadline = addDays(resolutionDate, CHANGE_LIMITS.applyWithinDays);
  const daysLeft = daysBetween(today, deadline);
  return { deadline, daysLeft, late: daysLeft < 0 };
};

export const lateNote = (deadline: string) =>
  text(
    `已超过决议后 30 日的申请期限（${deadline}），仍予受理；登记机关可依《市场主体登记管理条例》第四十六条、第四十七条处以罚款。`,
    `The 30 days after the resolution ended on ${deadline}; the application is accepted, but the authority may impose a fine (REG §46–47).`,
  );

/** The vote a resolution on these items needs: ≥ 2/3 if any item needs it, otherwise more than half (CL §66). */
export const voteThreshold = (items: readonly ChangeItemKey[]): 'two-thirds' | 'majority' =>
  items.some((i) => changeItemRule(i).vote === 'two-thirds') ? 'two-thirds' : 'majority';

export type Vote = 'for' | 'against' | 'abstain';
export type VotingShareholder = { name: string; votingRights: string };

/** Share of voting rights in favour, as a fraction of all voting rights. */
export const shareInFavour = (
  shareholders: readonly VotingShareholder[],
  votes: ReadonlyMap<string, Vote>,
): Decimal => {
  const total = shareholders.reduce((s, h) => s.plus(h.votingRights), new Decimal(0));
  if (total.isZero()) return new Decimal(0);
  const yes = shareholders
    .filter((h) => votes.get(h.name) === 'for')
    .reduce((s, h) => s.plus(h.votingRights), new Decimal(0));
  return yes.div(total);
};

/** Refuses a resolution below its threshold (§1.4): ≥ 2/3, or more than half. */
export const checkResolution = (
  items: readonly ChangeItemKey[],
  shareholders: readonly VotingShareholder[],
  votes: ReadonlyMap<string, Vote>,
): { threshold: 'two-thirds' | 'majority'; inFavour: string } => {
  const threshold = voteThreshold(items);
  const share = shareInFavour(shareholders, votes);
  const passes = threshold === 'two-thirds' ? share.gte(new Decimal(2).div(3)) : share.gt(0.5);
  if (!passes)
    throw new DomainError(
      'RESOLUTION_BELOW_THRESHOLD',
      threshold === 'two-thirds'
        ? text(
            `本次变更须经代表三分之二以上表决权的股东通过（《公司法》第六十六条），赞成票仅占 ${share.times(100).toFixed(2)}%。`,
            `This change needs at least two thirds of the voting rights (CL §66); only ${share.times(100).toFixed(2)}% voted for it.`,
          )
        : text(
            `本次变更须经代表过半数表决权的股东通过（《公司法》第六十六条），赞成票仅占 ${share.times(100).toFixed(2)}%。`,
            `This change needs more than half of the voting rights (CL §66); only ${share.times(100).toFixed(2)}% voted for it.`,
          ),
      { field: 'votes' },
    );
  return { threshold, inFavour: share.times(100).toFixed(2) };
};

export type ReviewContext = {
  /** The new address's registration authority is the company's current one (§1.7). */
  sameAuthority: boolean;
  /** The new scope adds a licensed (许可) item. */
  addsLicensedScope: boolean;
};

export type ReviewRoute = { route: 'automatic' | 'reviewer'; reasons: ChangeItemKey[] };

/**
 * 秒批 or a reviewer (§1.14): automatic only when every item is a filing, an address within the
 * same authority, or a scope change without licensed items; the items that need a reviewer are listed.
 */
export const reviewRoute = (items: readonly ChangeItemKey[], c: ReviewContext): ReviewRoute => {
  const reasons = items.filter((i) => {
    const a = changeItemRule(i).automatic;
    if (a === 'always') return false;
    if (a === 'never') return true;
    if (i === 'address') return !c.sameAuthority;
    if (i === 'scope') return c.addsLicensedScope;
    return true;
  });
  return { route: reasons.length === 0 ? 'automatic' : 'reviewer', reasons };
};

/** Who signs the application (§1.5): the legal representative; the new one for a change of legal representative. */
export const signerOf = (
  items: readonly ChangeItemKey[],
): 'legal-representative' | 'new-legal-representative' =>
  items.includes('legal-representative') ? 'new-legal-representative' : 'legal-representative';

/** Whether approval issues a new business licence version / re-issues the e-seals (§1.15). */
export const consequencesOf = (items: readonly ChangeItemKey[]) => ({
  newLicenceVersion: items.some((i) => changeItemRule(i).onLicence),
  reissueSeals: items.some((i) => changeItemRule(i).invalidatesSeals),
  reviewDelegations: items.includes('legal-representative'),
});

/** A change with no item, or whose every item equals today's fact, is refused (CHANGE_NOTHING). */
export const assertSomethingChanges = (changed: readonly ChangeItemKey[]): void => {
  if (changed.length === 0)
    throw new DomainError(
      'CHANGE_NOTHING',
      text(
        '所填内容与现登记信息完全一致，没有需要变更或备案的事项。',
        'Nothing differs from the current registration: there is nothing to change or file.',
      ),
      { field: 'items' },
    );
};

export type Reduction = {
  /** CL §225: a reduction to cover losses; CL §224 otherwise (ordinary). */
  coverLosses: boolean;
  /** For CL §225: the company distributes to shareholders (forbidden). */
  distributes: boolean;
  /** For CL §225: the company releases shareholders from unpaid contributions (forbidden). */
  releasesContributions: boolean;
};

/** The highest statutory minimum capital that applies to a scope (0 when none). */
export const minimumCapitalFor = (
  scopeCodes: readonly string[],
): { minimum: string; basis: string | null } => {
  let best: { minimum: string; basis: string | null } = { minimum: '0.00', basis: null };
  for (const m of statutoryMinimumCapital)
    if (scopeCodes.includes(m.scopeCode) && new Decimal(m.minimum).gt(best.minimum))
      best = { minimum: m.minimum, basis: m.basis };
  return best;
};

/** A capital reduction below the statutory minimum, to zero, or a §225 reduction that pays out: refused. */
export const checkReduction = (
  newCapital: string,
  scopeCodes: readonly string[],
  reduction: Reduction,
): void => {
  const amount = new Decimal(newCapital);
  const { minimum, basis } = minimumCapitalFor(scopeCodes);
  if (amount.lte(0) || amount.lt(minimum))
    throw new DomainError(
      'CAPITAL_BELOW_MINIMUM',
      basis
        ? text(
            `减资后注册资本不得低于法定最低限额 ${new Decimal(minimum).toFixed(2)} 元（${basis}）。`,
            `After the reduction the registered capital may not be below the statutory minimum of ¥${new Decimal(minimum).toFixed(2)} (${basis}).`,
          )
        : text(
            '减资后注册资本必须大于零。',
            'After the reduction the registered capital must be above zero.',
          ),
      { field: 'registeredCapital' },
    );
  if (reduction.coverLosses && (reduction.distributes || reduction.releasesContributions))
    throw new DomainError(
      'REDUCTION_DISTRIBUTES',
      text(
        '弥补亏损减资不得向股东分配，也不得免除股东缴纳出资的义务（《公司法》第二百二十五条）。',
        'A reduction to cover losses may not distribute to shareholders or release unpaid contributions (CL §225).',
      ),
      { field: 'reduction' },
    );
};

/** The last day of the creditors' claim window: 45 days after the announcement (CL §224). */
export const claimWindowEnd = (announcedOn: string): string =>
  addDays(announcedOn, CHANGE_LIMITS.claimWindowDays);

/** Refuses an ordinary reduction applied for on or before the claim window's last day (§1.11). */
export const assertClaimWindowOver = (announcedOn: string, today: string): void => {
  const ends = claimWindowEnd(announcedOn);
  if (today <= ends)
    throw new DomainError(
      'REDUCTION_CLAIM_WINDOW_OPEN',
      text(
        `债权人申报期至 ${ends} 届满，届满后方可申请减资登记（《公司法》第二百二十四条）。`,
        `The creditors' claim window runs until ${ends}; the reduction can be applied for only after it (CL §224).`,
      ),
    );
};

/** When delegations granted before a legal representative change end unless confirmed, and when the delegate is told (§1.16). */
export const delegationReviewDates = (approvedOn: string): { dueOn: string; noticeOn: string } => {
  const dueOn = addDays(approvedOn, CHANGE_LIMITS.delegationConfirmDays);
  return { dueOn, noticeOn: addDays(dueOn, -CHANGE_LIMITS.delegationNoticeDaysBefore) };
};

/** The creditors' notice and announcement deadlines of an ordinary reduction (CL §224, §1.11). */
export const reductionNoticeDeadlines = (resolutionDate: string) => ({
  notifyCreditorsBy: addDays(resolutionDate, CHANGE_LIMITS.notifyCreditorsWithinDays),
  announceBy: addDays(resolutionDate, CHANGE_LIMITS.announceWithinDays),
});

/**
 * An ordinary reduction (CL §224): the known creditors were notified within 10 days of the
 * resolution, and the announcement — made on the disclosure page when the reduction is filed,
 * i.e. today — falls within 30 days of it. Otherwise the statutory sequence is broken and the
 * company needs a new resolution.
 */
export const checkReductionNotices = (
  resolutionDate: string,
  creditorsNotifiedOn: string | undefined,
  today: string,
): void => {
  const { notifyCreditorsBy, announceBy } = reductionNoticeDeadlines(resolutionDate);
  if (creditorsNotifiedOn === undefined)
    throw new DomainError(
      'REDUCTION_CREDITORS_NOT_NOTIFIED',
      text(
        `减资须自决议之日起十日内通知债权人（${notifyCreditorsBy} 前，《公司法》第二百二十四条）；请填写通知日期。`,
        `Creditors must be notified within 10 days of the resolution (by ${notifyCreditorsBy}, CL §224); give the day they were notified.`,
      ),
      { field: 'creditorsNotifiedOn' },
    );
  if (creditorsNotifiedOn < resolutionDate || creditorsNotifiedOn > today)
    throw new DomainError(
      'REDUCTION_CREDITORS_NOTICE_DATE',
      text(
        '通知债权人的日期应在决议日与今天之间。',
        'The day creditors were notified must lie between the resolution and today.',
      ),
      { field: 'creditorsNotifiedOn' },
    );
  if (creditorsNotifiedOn > notifyCreditorsBy)
    throw new DomainError(
      'REDUCTION_CREDITORS_NOTICE_LATE',
      text(
        `债权人应于 ${notifyCreditorsBy} 前（决议后十日内）得到通知，${creditorsNotifiedOn} 通知已逾期（《公司法》第二百二十四条）；请重新作出减资决议。`,
        `Creditors had to be notified by ${notifyCreditorsBy} (10 days after the resolution); ${creditorsNotifiedOn} is late (CL §224). Pass a new resolution.`,
      ),
      { field: 'creditorsNotifiedOn' },
    );
  if (today > announceBy)
    throw new DomainError(
      'REDUCTION_ANNOUNCEMENT_LATE',
      text(
        `减资公告须在决议后三十日内（${announceBy} 前）发布，已逾期（《公司法》第二百二十四条）；请重新作出减资决议。`,
        `The reduction had to be announced within 30 days of the resolution (by ${announceBy}, CL §224); that has passed. Pass a new resolution.`,
      ),
      { field: 'resolutionDate' },
    );
};
