import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { ItemMeta } from '../../components/ItemMeta';
import { RadarChartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LicenceCard } from '../../../../shared/api/licences';
import { serviceFor } from '../../../../shared/services/catalogue';
import { useLocalized } from '../../components/useLang';
import { Countdown, ValidityTag } from './bits';

export type RadarItem = LicenceCard & { companyName?: string };

/** Where a lapsing licence is fixed: its renewal service, or a new application once it has expired. */
export const renewalServiceOf = (l: LicenceCard): { code: string; renew: boolean } | undefined => {
  const expired = l.state.daysLeft !== null && l.state.daysLeft < 0;
  if (l.renewalServiceCode && !expired) return { code: l.renewalServiceCode, renew: true };
  const fresh = serviceFor(l.typeKey, 'new');
  return fresh
    ? { code: fresh.code, renew: false }
    : l.renewalServiceCode
      ? { code: l.renewalServiceCode, renew: true }
      : undefined;
};

export const isOnRadar = (l: LicenceCard, withinDays = 90): boolean =>
  l.status === 'active' && l.state.daysLeft !== null && l.state.daysLeft <= withinDays;

/** Licences expiring within 90 days (or lapsed), soonest first, each with its renewal one click away. */
export const ExpiryRadar = ({
  items,
  showCompany = false,
}: {
  items: RadarItem[];
  showCompany?: boolean;
}) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const sorted = [...items].sort((a, b) => (a.state.daysLeft ?? 0) - (b.state.daysLeft ?? 0));
  return (
    <Card
      data-testid="expiry-radar"
      title={
        <Space>
          <RadarChartOutlined aria-hidden />
          {t('licences.radar.title')}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('licences.radar.hint')}</Typography.Paragraph>
      <List
        dataSource={sorted}
        locale={{
          emptyText: <Empty description={t('licences.radar.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
        }}
        renderItem={(l) => {
          const fix = renewalServiceOf(l);
          const companyId = l.holder.companyId;
          return (
            <List.Item
              data-testid="radar-item"
              actions={
                fix
                  ? [
                      <Link key="renew" to={`/companies/${companyId}/licences/apply/${fix.code}`}>
                        <Button type="primary" data-testid="radar-renew">
                          {fix.renew ? t('licences.radar.renew') : t('licences.radar.reapply')}
                        </Button>
                      </Link>,
                    ]
                  : []
              }
            >
              <ItemMeta
                title={
                  <Space wrap>
                    <Link to={`/companies/${companyId}/licences/${l.id}`}>{loc(l.name)}</Link>
                    <ValidityTag state={l.state} status={l.status} />
                  </Space>
                }
                description={
                  <Space wrap>
                    {showCompany && l.companyName && <span>{l.companyName}</span>}
                    <span>{l.validUntil}</span>
                    <Countdown state={l.state} />
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
};
