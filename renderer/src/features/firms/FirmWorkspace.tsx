import { Card, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useMyFirms } from './api';
import { RosterTab } from './RosterTab';
import { LedgerTab } from './LedgerTab';
import { BatchesTab } from './BatchesTab';
import { TeamTab } from './TeamTab';
import { InvoiceFilingTab } from './InvoiceFilingTab';

const TABS = ['roster', 'ledger', 'invoices', 'batches', 'team'] as const;
type Tab = (typeof TABS)[number];

/** /firm: straight into the (first) firm the person works for. */
export const FirmIndex = () => {
  const { t } = useTranslation();
  const firms = useMyFirms();
  const first = firms.data?.firms[0];
  if (first) return <Navigate to={`/firm/${first.id}/roster`} replace />;
  return (
    <Card loading={firms.isLoading}>{!firms.isLoading && <Empty description={t('firms.nav.choose')} />}</Card>
  );
};

/** The firm workspace: roster, ledger, batches, staff and groups, as tabs with their own URLs. */
export const FirmWorkspace = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { firmId = '', tab = 'roster' } = useParams();
  const firms = useMyFirms();
  const firm = firms.data?.firms.find((f) => f.id === firmId);
  const active: Tab = (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'roster';
  return (
    <>
      {/* The roster has many columns: the workspace may use more of a wide screen than other pages. */}
      <style>{'.st-page:has(.st-firm){max-width:1680px}'}</style>
      <Space direction="vertical" size="middle" style={{ width: '100%' }} className="st-firm">
        <Space wrap align="baseline">
          <PageTitle title={firm?.name ?? t('firms.widget.title')} style={{ margin: 0 }} testId="firm-name" />
          {firm && <Tag color={firm.role === 'admin' ? 'red' : 'blue'}>{t(`firms.role.${firm.role}`)}</Tag>}
          {firm && (
            <Typography.Text type="secondary">
              {t('firms.widget.clients', { count: firm.visibleClients })}
            </Typography.Text>
          )}
        </Space>
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(`/firm/${firmId}/${key}`)}
          destroyInactiveTabPane
          items={[
            {
              key: 'roster',
              label: t('firms.nav.roster'),
              children: <RosterTab firmId={firmId} isAdmin={firm?.role === 'admin'} />,
            },
            { key: 'ledger', label: t('firms.nav.ledger'), children: <LedgerTab firmId={firmId} /> },
            {
              key: 'invoices',
              label: t('firms.nav.invoices'),
              children: <InvoiceFilingTab firmId={firmId} />,
            },
            { key: 'batches', label: t('firms.nav.batches'), children: <BatchesTab firmId={firmId} /> },
            {
              key: 'team',
              label: t('firms.nav.team'),
              children: <TeamTab firmId={firmId} isAdmin={firm?.role === 'admin'} />,
            },
          ]}
        />
      </Space>
    </>
  );
};
