import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyDetail } from '../../../../shared/api/companies';
import { useLocalized } from '../../components/useLang';
import { changeItemRule } from '../../../../shared/lifecycle/change-items';
import { useChanges } from './api';
import { statusColor } from './ChangeCard';
import { DelegationReviews } from './DelegationReviews';
import { CapitalTermAlert } from './CapitalTermAlert';

/** Company page: 变更登记 — start a change, the latest applications with their status. */
export const ChangePanel = ({ company }: { company: CompanyDetail }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const q = useChanges(company.id);
  const items = (q.data?.items ?? []).slice(0, 3);
  return (
    <Card
      data-testid="chg-panel"
      loading={q.isLoading}
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('changes.title')}
        </Typography.Title>
      }
      extra={
        <Link to={`/companies/${company.id}/changes/new`}>
          <Button size="large" data-testid="chg-start">
            {t('changes.start')}
          </Button>
        </Link>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <CapitalTermAlert flag={q.data?.capitalTermFlag ?? null} />
        <DelegationReviews companyId={company.id} />
        <List
          locale={{ emptyText: t('changes.none') }}
          dataSource={items}
          renderItem={(v) => (
            <List.Item>
              <Link to={`/companies/${company.id}/changes/${v.id}`} data-testid="chg-open">
                {v.diff.map((d) => loc(changeItemRule(d.item).label)).join('、')}
              </Link>
              <Tag color={statusColor[v.status]}>{t(`changes.status.${v.status}`)}</Tag>
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
};
