import { DomainError } from '../domain-error';
import { isoDate } from '../calendar/iso-date';
import { text, type LocalizedText } from '../text';

/**
 * The abnormal operations list (经营异常名录), lifecycle.md §3.7–3.9 (DISC §17, REG §33).
 */

/** Companies without their report on `reportYear` are listed on 1 July of the next year. */
export const listingDate = (reportYear: number): string => isoDate(reportYear + 1, 7, 1);

/** The report year whose listing is due on or before `today` (the latest one), or null before any. */
export const listingYearDueBy = (today: string): number => {
  const year = Number(today.slice(0, 4));
  return today >= listingDate(year - 1) ? year - 1 : year - 2;
};

/** Whether a company founded on `establishedOn` without a report on `reportYear` is to be listed. */
export const owesReport = (establishedOn: string, reportYear: number): boolean =>
  Number(establishedOn.slice(0, 4)) <= reportYear;

export const LISTING_REASON_NO_REPORT: LocalizedText = text(
  '未依照《企业信息公示暂行条例》第八条规定的期限公示年度报告',
  'Did not publish its annual report within the period of DISC §8',
);

/** Removal is decided within 5 working days; the platform decides at once when every year is filed. */
export const REMOVAL_DECISION_WORKING_DAYS = 5;

/** Listed this long without remedy: moved to the serious-violation list (§3.8). */
export const SERIOUS_LIST_AFTER_YEARS = 3;
export const seriousListDate = (listedOn: string): string =>
  isoDate(
    Number(listedOn.slice(0, 4)) + SERIOUS_LIST_AFTER_YEARS,
    Number(listedOn.slice(5, 7)),
    Number(listedOn.slice(8, 10)),
  );

/** A removal application is accepted only when no owed year is missing (file late first). */
export const checkRemovalApplication = (missingYears: readonly number[]): void => {
  if (missingYears.length > 0)
    throw new DomainError(
      'ABNORMAL_REMOVAL_REPORTS_MISSING',
      text(
        `请先补报${missingYears.join('、')}年度报告，再申请移出经营异常名录。`,
        `File the report for ${missingYears.join(', ')} first, then apply for removal from the abnormal operations list.`,
      ),
      { field: 'reportYear' },
    );
};

/**
 * What being listed does (§3.9), as data: actions it blocks, and places where it is shown as a
 * notice. Other modules ask `assertNotBlockedByAbnormalList` before a blocked action.
 */
export const ABNORMAL_LIST_EFFECTS = {
  blocks: ['simplified-deregistration'] as const,
  noticeOn: ['licence-verification', 'licence-share'] as const,
};
export type BlockedAction = (typeof ABNORMAL_LIST_EFFECTS.blocks)[number];

const ACTION_NAMES: Record<BlockedAction, LocalizedText> = {
  'simplified-deregistration': text('简易注销', 'simplified deregistration'),
};

export const assertNotBlockedByAbnormalList = (action: BlockedAction, listed: boolean): void => {
  if (!listed) return;
  const name = ACTION_NAMES[action];
  throw new DomainError(
    'COMPANY_ON_ABNORMAL_LIST',
    text(
      `企业在经营异常名录中，不能办理${name.zh}；请先补报年度报告并申请移出。`,
      `The company is on the abnormal operations list and cannot use ${name.en}; file the missing reports and apply for removal first.`,
    ),
  );
};

/** The notice shown on a listed company's licence verification and shares. */
export const ABNORMAL_LIST_NOTICE: LocalizedText = text(
  '该企业已被列入经营异常名录（未按期公示年度报告）。',
  'This company is on the abnormal operations list (annual report not published on time).',
);
