import { useState } from 'react';
import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompanies } from '../../api/queries';
import { formatDate } from '../../components/format';
import { delegationApi, useMyDelegations, useRefreshDelegations } from './api';
import { ScopeTags } from './bits';

/** Home: renewal reminders (one-click renew), and the way to the authorizations overview for legal representatives. */
export const DelegationHomeWidget = () => {
  const { t } = useTranslation();
  const mine = useMyDelegations();
  const companies = useCompanies();
  const refresh = useRefreshDelegations();
  const [error, setError] = useState<string | null>(null);
  const due = (mine.data?.delegations ?? []).filter((d) => d.renewalDue);
  const isRep = (companies.data?.companies ?? []).some((c) => c.roles.includes('legal-representative'));
  if (due.length === 0 && !isRep) return null;
  return (
    <Card
      size="small"
      title={t('delegation.panel.manage')}
      extra={isRep ? <Link to="/delegations">{t('delegation.panel.openManage')}</Link> : null}
    >
      {due.length > 0 && (
        <List
          dataSource={due}
          renderItem={(d) => (
            <List.Item
              data-testid="renewal-reminder"
              actions={[
                <Button
                  key="renew"
                  type="primary"
                  onClick={() =>
                    void delegationApi
                      .renew(d.id)
                      .then(refresh)
                      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
                  }
                >
                  {t('delegation.panel.renew')}
                </Button>,
              ]}
            >
              <Space wrap>
                <strong>{d.company.name}</strong>
                <span>
                  {t('delegation.panel.renewDue', { date: formatDate(d.validUntil ?? d.createdAt) })}
                </span>
                <ScopeTags scopes={d.scopes} />
              </Space>
            </List.Item>
          )}
        />
      )}
      {due.length === 0 && isRep && (
        <Typography.Text type="secondary">{t('delegation.panel.manageHint')}</Typography.Text>
      )}
      {error && <Alert type="error" showIcon message={error} />}
    </Card>
  );
};
