import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyDetail } from '../../../../shared/api/companies';
import { useAnnualOverview } from './api';
import { DueText } from './bits';

/** Company page: the annual report due (days left), the abnormal list, a link to the form and the public page. */
export const AnnualReportPanel = ({ company }: { company: CompanyDetail }) => {
  const { t } = useTranslation();
  const o = useAnnualOverview(company.id);
  const data = o.data;
  return (
    <Card
      data-testid="annual-panel"
      loading={o.isLoading}
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('annual.title')}
        </Typography.Title>
      }
      extra={
        <Space>
          <Link to={`/companies/${company.id}/annual-reports`} data-testid="annual-open">
            {data && data.due.missingYears.length > 0 ? t('annual.file') : t('annual.filedReports')}
          </Link>
          <Link to={`/gs/${company.uscc}`}>{t('annual.viewDisclosure')}</Link>
        </Space>
      }
    >
      {data?.abnormalList.listed && (
        <Alert type="error" showIcon message={t('annual.listed')} style={{ marginBottom: 8 }} />
      )}
      {data && data.due.missingYears.length === 0
        ? t('annual.nothingDue')
        : data && <DueText due={data.due} />}
    </Card>
  );
};
