import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../../components/useLang';
import type { DeregistrationOverview } from '../../../../shared/api/deregistration';
import { CardTitle } from './bits';

type Reason = DeregistrationOverview['reasons'][number];

/** Where each reason is fixed: the company page's tax panel, the annual report, or a sentence when nothing here fixes it. */
const fixLink = (companyId: string, code: string): string | null => {
  switch (code) {
    case 'UNFILED_TAX_PERIODS':
    case 'UNPAID_TAX':
    case 'INVOICES_ON_FILE':
    case 'OPEN_APPLICATIONS':
      return `/companies/${companyId}`;
    case 'ON_ABNORMAL_LIST':
      return `/companies/${companyId}/annual-reports`;
    default:
      return null;
  }
};

/** Every reason the company is not eligible now, each with what fixes it. */
export const ReasonList = ({
  companyId,
  reasons,
  testId,
}: {
  companyId: string;
  reasons: Reason[];
  testId: string;
}) => {
  const { t, i18n } = useTranslation();
  const loc = useLocalized();
  return (
    <List
      data-testid={testId}
      bordered
      dataSource={reasons}
      renderItem={(r) => {
        const to = fixLink(companyId, r.code);
        const fixKey = `dereg.fix.${r.code}`;
        const fix = i18n.exists(fixKey) ? t(fixKey) : null;
        return (
          <List.Item
            data-testid="dereg-reason"
            data-code={r.code}
            actions={
              fix
                ? [
                    to ? (
                      <Link key="fix" to={to}>
                        {fix}
                      </Link>
                    ) : (
                      <Typography.Text key="fix" type="secondary">
                        {fix}
                      </Typography.Text>
                    ),
                  ]
                : []
            }
          >
            {loc(r.text)}
          </List.Item>
        );
      }}
    />
  );
};

/** Step 1: eligibility, and the start for the legal representative. */
export const Eligibility = ({
  companyId,
  overview,
  isLegalRep,
  canStart,
  starting,
  onStart,
}: {
  companyId: string;
  overview: DeregistrationOverview;
  isLegalRep: boolean;
  canStart: boolean;
  starting: boolean;
  onStart: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <Card title={<CardTitle>{t('dereg.eligibilityTitle')}</CardTitle>} data-testid="dereg-eligibility">
      <Space direction="vertical" style={{ width: '100%' }}>
        {overview.eligible ? (
          <Alert type="success" showIcon message={t('dereg.eligible')} data-testid="dereg-eligible" />
        ) : (
          <>
            <Alert
              type="warning"
              showIcon
              message={t('dereg.ineligible', { count: overview.reasons.length })}
              data-testid="dereg-ineligible"
            />
            <ReasonList companyId={companyId} reasons={overview.reasons} testId="dereg-reasons" />
            <Typography.Paragraph type="secondary">{t('dereg.ordinaryPath')}</Typography.Paragraph>
          </>
        )}
        {canStart &&
          (isLegalRep ? (
            <Button
              type="primary"
              size="large"
              loading={starting}
              onClick={onStart}
              data-testid="dereg-start"
            >
              {t('dereg.start')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('dereg.onlyLegalRep')}</Typography.Text>
          ))}
      </Space>
    </Card>
  );
};
