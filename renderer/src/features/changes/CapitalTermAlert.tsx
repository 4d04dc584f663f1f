import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompanyFacts } from '../../../../shared/api/changes';

/** SC784 §2: a subscription term to shorten by 2027-06-30 (company page and change form). */
export const CapitalTermAlert = ({ flag }: { flag: CompanyFacts['capitalTermFlag'] }) => {
  const { t } = useTranslation();
  if (!flag) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="chg-capital-term-flag"
      message={t('changes.capitalTermFlag', {
        latest: flag.latestDue,
        limit: flag.limit,
        by: flag.shortenBy,
      })}
    />
  );
};
