import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyDetail } from '../../../../shared/api/companies';

/** Company page: a way to the seals. */
export const SealPanel = ({ company }: { company: CompanyDetail }) => {
  const { t } = useTranslation();
  return (
    <Card
      data-testid="seal-panel"
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('seals.title')}
        </Typography.Title>
      }
      extra={
        <Link to={`/companies/${company.id}/seals`} data-testid="seal-open">
          {t('seals.open')}
        </Link>
      }
    >
      {t('seals.panelHint')}
    </Card>
  );
};
