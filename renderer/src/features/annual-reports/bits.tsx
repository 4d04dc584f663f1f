import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnnualReportDueView } from '../../../../shared/api/annual-reports';
import type { Disclosure } from '../../../../shared/lifecycle/annual-report-fields';

/** "2025年度报告 · 截止 2026-06-30 · 剩余 107 天", or the overdue years, or nothing. */
export const DueText = ({ due }: { due: AnnualReportDueView }) => {
  const { t } = useTranslation();
  return (
    <>
      {due.openYear !== null && (
        <span data-testid="annual-due-text">
          {t('annual.due', { year: due.openYear, date: due.closesOn, days: due.daysLeft })}
        </span>
      )}
      {due.overdueYears.length > 0 && (
        <Tag color="red" data-testid="annual-overdue">
          {t('annual.overdue', { years: due.overdueYears.join('、') })}
        </Tag>
      )}
    </>
  );
};

export const DisclosureTag = ({ disclosure }: { disclosure: Disclosure }) => {
  const { t } = useTranslation();
  if (disclosure === 'public') return <Tag color="blue">{t('annual.alwaysPublic')}</Tag>;
  if (disclosure === 'may-withhold') return <Tag color="gold">{t('annual.mayWithhold')}</Tag>;
  return <Tag>{t('annual.withheldDefault')}</Tag>;
};

/** The year a company should file now: the oldest missing one (missing years first). */
export const yearToFile = (due: AnnualReportDueView): number | null => due.missingYears[0] ?? null;
