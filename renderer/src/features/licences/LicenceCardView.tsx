import { Card, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LicenceCard } from '../../../../shared/api/licences';
import { useLocalized } from '../../components/useLang';
import { Countdown, ValidityTag, validityText } from './bits';

/** One licence in the wallet: type, number, issuer, validity with its countdown. */
export const LicenceCardView = ({ licence, companyId }: { licence: LicenceCard; companyId: string }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const faded = licence.status !== 'active';
  return (
    <Link
      to={`/companies/${companyId}/licences/${licence.id}`}
      aria-label={loc(licence.name)}
      data-testid="licence-card"
    >
      <Card
        hoverable
        size="small"
        style={{
          height: '100%',
          opacity: faded ? 0.65 : 1,
          borderTop: `4px solid ${faded ? '#bbb' : '#c8102e'}`,
        }}
        styles={{ title: { whiteSpace: 'normal', padding: '8px 0' } }}
        title={
          <Space align="start">
            <SafetyCertificateOutlined style={{ color: faded ? '#999' : '#c8102e' }} aria-hidden />
            <span data-testid="licence-name">{loc(licence.name)}</span>
          </Space>
        }
      >
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <ValidityTag state={licence.state} status={licence.status} />
          <Typography.Text type="secondary">{t('licences.wallet.number')}</Typography.Text>
          <Typography.Text copyable={{ text: licence.number }} style={{ wordBreak: 'break-all' }}>
            {licence.number}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('licences.wallet.issuer')}：{loc(licence.issuer.name)}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('licences.wallet.validity')}：
            {validityText(licence.validFrom, licence.validUntil, t('licences.wallet.indefinite'))}
          </Typography.Text>
          {licence.status === 'active' && <Countdown state={licence.state} />}
        </Space>
      </Card>
    </Link>
  );
};
