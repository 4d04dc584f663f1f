import { Card, Empty, List, Space, Tag } from 'antd';
import { ItemMeta } from '../../components/ItemMeta';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationStatus, ApplicationView } from '../../../../shared/api/licences';
import { formatDateTime } from '../../components/format';
import { useLocalized } from '../../components/useLang';

export const appStatusColor: Record<ApplicationStatus, string> = {
  submitted: 'blue',
  accepted: 'gold',
  approved: 'green',
  returned: 'red',
};

export const AppStatusTag = ({ status }: { status: ApplicationStatus }) => {
  const { t } = useTranslation();
  return (
    <Tag color={appStatusColor[status]} data-testid="application-status">
      {t(`licences.application.status.${status}`)}
    </Tag>
  );
};

/** A company's licence-free applications, newest first. */
export const ApplicationsList = ({
  companyId,
  applications,
  loading,
}: {
  companyId: string;
  applications: ApplicationView[];
  loading: boolean;
}) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <Card title={t('licences.wallet.applications')} data-testid="applications">
      <List
        loading={loading}
        dataSource={applications}
        locale={{
          emptyText: (
            <Empty description={t('licences.wallet.noApplications')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ),
        }}
        renderItem={(a) => (
          <List.Item data-testid="application-row">
            <ItemMeta
              title={
                <Space wrap>
                  <Link to={`/companies/${companyId}/licences/applications/${a.id}`}>
                    {loc(a.service.name)}
                  </Link>
                  <AppStatusTag status={a.status} />
                </Space>
              }
              description={`${formatDateTime(a.submittedAt)} · ${a.submittedBy.name} · ${t('licences.apply.counts', { licences: a.attachments.length, uploads: a.uploads.length })}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
};
