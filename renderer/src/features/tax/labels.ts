import type { TFunction } from 'i18next';
import type { ObligationPeriod } from '../../../../shared/calendar/obligations';
import { addDays } from '../../../../shared/calendar/iso-date';
import { periodEnd } from '../../../../shared/api/tax';
import { periodLabel, type TaxPeriod } from '../../../../shared/tax/period';
import type { Lang } from '../../../../shared/text';

/** "2026年第3季度" / "2026 Q3", or the tax year of an annual settlement. */
export const periodText = (p: ObligationPeriod, lang: Lang): string =>
  p.type === 'year' ? (lang === 'zh' ? `${p.year}年度` : `Tax year ${p.year}`) : periodLabel(p)[lang];

export const asTaxPeriod = (p: ObligationPeriod): TaxPeriod | null => (p.type === 'year' ? null : p);

/** "还剩 23 天" / "今天截止" / "已逾期 6 天". */
export const daysText = (t: TFunction, daysLeft: number): string =>
  daysLeft > 0
    ? t('tax.due.daysLeft', { count: daysLeft })
    : daysLeft === 0
      ? t('tax.due.today')
      : t('tax.due.overdue', { count: -daysLeft });

/** The first day a period can be filed: the day after it ends. */
export const opensOn = (p: TaxPeriod): string => addDays(periodEnd(p), 1);

export const STATE_COLOR = {
  'period-open': 'default',
  due: 'orange',
  overdue: 'red',
  unpaid: 'gold',
} as const;
