import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyDetail } from '../../../../shared/api/companies';
import { useDeregistration } from './api';

/** Company page: 简易注销 — the entry for the legal representative and anyone acting for the company. */
export const DeregistrationPanel = ({ company }: { company: CompanyDetail }) => {
  const { t } = useTranslation();
  const q = useDeregistration(company.id);
  const current = q.data?.current;
  const active = current && current.status !== 'ended';
  return (
    <Card
      data-testid="dereg-panel"
      loading={q.isLoading}
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dereg.title')}
        </Typography.Title>
      }
      extra={
        <Link to={`/companies/${company.id}/deregistration`}>
          <Button size="large" data-testid="dereg-open">
            {active || company.status === 'deregistered' ? t('dereg.view') : t('dereg.open')}
          </Button>
        </Link>
      }
    >
      <Space direction="vertical">
        {active && (
          <Tag
            color={current.status === 'deregistered' ? 'default' : 'orange'}
            data-testid="dereg-panel-status"
          >
            {t(`dereg.status.${current.status}`)}
          </Tag>
        )}
        <Typography.Text type="secondary">{t('dereg.panelIntro')}</Typography.Text>
      </Space>
    </Card>
  );
};
