import { Button, Card, Col, Empty, Row, Segmented, Space, Typography } from 'antd';
import { FileDoneOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCompany } from '../../api/queries';
import { QueryError } from '../../components/QueryError';
import { useApplications, useWallet } from './api';
import { ApplicationsList } from './ApplicationsList';
import { ExpiryRadar, isOnRadar } from './ExpiryRadar';
import { LicenceCardView } from './LicenceCardView';

/** The company's e-licence wallet: cards, the expiry radar, and its licence-free applications. */
export const WalletPage = () => {
  const { t } = useTranslation();
  const { companyId = '' } = useParams();
  const company = useCompany(companyId);
  const wallet = useWallet(companyId);
  const applications = useApplications(companyId);
  const [filter, setFilter] = useState<'all' | 'attention'>('all');
  if (wallet.error) return <QueryError error={wallet.error} />;
  const licences = wallet.data?.licences ?? [];
  const shown =
    filter === 'all' ? licences : licences.filter((l) => l.status !== 'active' || l.state.state !== 'valid');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/companies/${companyId}`}>← {t('licences.wallet.back')}</Link>
      <Card loading={wallet.isLoading}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <div>
            <Typography.Title level={1} className="st-h1" style={{ margin: 0 }}>
              {t('licences.wallet.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{company.data?.name}</Typography.Text>
          </div>
          <Space wrap>
            <Segmented
              aria-label={t('licences.wallet.title')}
              value={filter}
              onChange={(v) => setFilter(v as 'all' | 'attention')}
              options={[
                { value: 'all', label: `${t('licences.wallet.filterAll')} (${licences.length})` },
                { value: 'attention', label: t('licences.wallet.filterAttention') },
              ]}
            />
            <Link to={`/companies/${companyId}/licences/apply`}>
              <Button type="primary" icon={<FileDoneOutlined aria-hidden />} data-testid="open-apply">
                {t('licences.wallet.apply')}
              </Button>
            </Link>
          </Space>
        </Space>
        <div style={{ marginTop: 16 }}>
          {shown.length === 0 ? (
            <Empty description={t('licences.wallet.empty')} />
          ) : (
            <Row gutter={[16, 16]}>
              {shown.map((l) => (
                <Col key={l.id} xs={24} md={12} xl={8}>
                  <LicenceCardView licence={l} companyId={companyId} />
                </Col>
              ))}
            </Row>
          )}
        </div>
      </Card>
      <ExpiryRadar items={licences.filter((l) => isOnRadar(l))} />
      <ApplicationsList
        companyId={companyId}
        applications={applications.data?.applications ?? []}
        loading={applications.isLoading}
      />
    </Space>
  );
};
