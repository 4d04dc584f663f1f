import { Button, Card, Space, Statistic, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyDetail } from '../../../../shared/api/companies';
import { ApiRequestError } from '../../api/client';
import { useWallet } from './api';
import { isOnRadar } from './ExpiryRadar';

/** Company home: how many licences, how many need renewing, and the way into the wallet and 免证办. */
export const LicencePanel = ({ company }: { company: CompanyDetail }) => {
  const { t } = useTranslation();
  const wallet = useWallet(company.id);
  // People connected without authority cannot see licences; the authorization panel explains why.
  if (wallet.error instanceof ApiRequestError && wallet.error.status === 403) return null;
  const licences = wallet.data?.licences ?? [];
  const soon = licences.filter((l) => isOnRadar(l) && (l.state.daysLeft ?? 0) >= 0).length;
  const lapsed = licences.filter((l) => l.status === 'active' && l.state.state === 'expired').length;
  return (
    <Card
      loading={wallet.isLoading}
      data-testid="licence-panel"
      title={
        <Space>
          <SafetyCertificateOutlined style={{ color: '#c8102e' }} aria-hidden />
          {t('licences.panel.title')}
        </Space>
      }
    >
      <Space size="large" wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space size="large" wrap>
          <Statistic
            title={t('licences.panel.summary', { count: licences.length })}
            value={licences.length}
          />
          <Statistic
            title={t('licences.panel.expiring', { count: soon })}
            value={soon}
            valueStyle={{ color: soon ? '#b45309' : undefined }}
          />
          <Statistic
            title={t('licences.panel.expired', { count: lapsed })}
            value={lapsed}
            valueStyle={{ color: lapsed ? '#b91c1c' : undefined }}
          />
        </Space>
        <Space wrap>
          <Link to={`/companies/${company.id}/licences`}>
            <Button type="primary" data-testid="open-wallet">
              {t('licences.panel.open')}
            </Button>
          </Link>
          <Link to={`/companies/${company.id}/licences/apply`}>
            <Button>{t('licences.panel.apply')}</Button>
          </Link>
        </Space>
      </Space>
      {wallet.error && <Typography.Text type="danger">{wallet.error.message}</Typography.Text>}
    </Card>
  );
};
