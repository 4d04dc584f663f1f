import { useState } from 'react';
import { Alert, Button, Card, Collapse, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyDetail } from '../../../../shared/api/companies';
import type { DelegationView } from '../../../../shared/api/delegation';
import { formatDate, formatDateTime } from '../../components/format';
import { QueryError } from '../../components/QueryError';
import { delegationApi, useCompanyDelegations, useRefreshDelegations } from './api';
import { ScopeTags, StatusTag, ValidityText } from './bits';
import { LinkCard } from './LinkCard';
import { RequestDialog } from './RequestDialog';
import { GrantedTable } from './GrantedTable';

const History = ({ items }: { items: DelegationView[] }) => {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'h',
          label: t('delegation.panel.history'),
          children: (
            <List
              size="small"
              dataSource={items}
              renderItem={(d) => (
                <List.Item>
                  <Space wrap>
                    <StatusTag status={d.status} />
                    <ScopeTags scopes={d.scopes} />
                    <ValidityText validity={d.validity} />
                    <Typography.Text type="secondary">{formatDateTime(d.createdAt)}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
};

/** What the agent sees: authorized until …, or the waiting request with its QR, or a request button. */
const AgentView = ({ company, delegations }: { company: CompanyDetail; delegations: DelegationView[] }) => {
  const { t } = useTranslation();
  const refresh = useRefreshDelegations();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = delegations.filter((d) => d.status === 'approved');
  const pending = delegations.filter((d) => d.status === 'pending');
  const past = delegations.filter((d) => d.status !== 'approved' && d.status !== 'pending');
  const renew = async (id: string): Promise<void> => {
    setError(null);
    try {
      await delegationApi.renew(id);
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {active.map((d) => (
        <Alert
          key={d.id}
          type="success"
          showIcon
          data-testid="delegation-active"
          message={
            d.validity.kind === 'single-use'
              ? t('delegation.panel.activeSingle', {
                  matter: d.validity.matter,
                  date: formatDate(d.validUntil ?? d.createdAt),
                })
              : t('delegation.panel.active', { date: formatDateTime(d.validUntil ?? d.createdAt) })
          }
          description={
            <Space direction="vertical">
              <span>
                {t('delegation.panel.scopes')}：<ScopeTags scopes={d.scopes} />
              </span>
              {d.renewalDue && (
                <Space wrap>
                  <span>
                    {t('delegation.panel.renewDue', { date: formatDate(d.validUntil ?? d.createdAt) })}
                  </span>
                  <Button type="primary" onClick={() => void renew(d.id)} data-testid="delegation-renew">
                    {t('delegation.panel.renew')}
                  </Button>
                </Space>
              )}
            </Space>
          }
        />
      ))}
      {pending.map((d) => (
        <LinkCard key={d.id} d={d} focus={sent} />
      ))}
      {active.length === 0 && pending.length === 0 && (
        <Space direction="vertical">
          <Typography.Paragraph style={{ margin: 0 }}>{t('delegation.panel.none')}</Typography.Paragraph>
          <Button type="primary" size="large" onClick={() => setOpen(true)} data-testid="delegation-request">
            {t('delegation.panel.request')}
          </Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon message={error} />}
      <History items={past} />
      <RequestDialog
        companyId={company.id}
        open={open}
        onClose={() => setOpen(false)}
        onSent={() => setSent(true)}
      />
    </Space>
  );
};

/** The company panel: the agent's authorization, or the legal representative's overview. */
export const DelegationPanel = ({ company }: { company: CompanyDetail }) => {
  const { t } = useTranslation();
  const list = useCompanyDelegations(company.id);
  if (company.actingAs === 'firm-staff')
    return (
      <Card title={t('delegation.panel.title')}>
        <Typography.Paragraph>{t('delegation.panel.firm')}</Typography.Paragraph>
      </Card>
    );
  const isRep = company.actingAs === 'legal-representative';
  return (
    <Card
      title={isRep ? t('delegation.panel.manage') : t('delegation.panel.title')}
      loading={list.isLoading}
      data-testid="delegation-panel"
      extra={
        isRep ? (
          <Space>
            <Link to={`/companies/${company.id}/activity`} data-testid="open-activity">
              {t('delegation.activity.open')}
            </Link>
            <Link to="/delegations">{t('delegation.panel.openManage')}</Link>
          </Space>
        ) : null
      }
    >
      {list.error ? (
        <QueryError error={list.error} />
      ) : isRep ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('delegation.panel.manageHint')}</Typography.Paragraph>
          <GrantedTable delegations={list.data?.delegations ?? []} showCompany={false} />
        </Space>
      ) : (
        <AgentView company={company} delegations={list.data?.delegations ?? []} />
      )}
    </Card>
  );
};
