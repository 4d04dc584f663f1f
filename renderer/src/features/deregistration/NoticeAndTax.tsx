import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeregistrationOverview, DeregistrationView } from '../../../../shared/api/deregistration';
import { CardTitle } from './bits';
import { ReasonList } from './Eligibility';

/** Step 3: the 20-day public notice, objections, and the application window after it. */
export const NoticeStatus = ({
  companyId,
  uscc,
  current,
  isLegalRep,
  applying,
  onApply,
}: {
  companyId: string;
  uscc: string | undefined;
  current: DeregistrationView;
  isLegalRep: boolean;
  applying: boolean;
  onApply: () => void;
}) => {
  const { t } = useTranslation();
  if (!current.noticeFrom || !current.noticeUntil) return null;
  return (
    <Card title={<CardTitle>{t('dereg.noticeTitle')}</CardTitle>} data-testid="dereg-notice">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label={t('dereg.noticeTitle')}>
            <span data-testid="dereg-notice-period">
              {t('dereg.noticePeriod', { from: current.noticeFrom, until: current.noticeUntil })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dereg.gs.status')}>
            <span data-testid="dereg-status">{t(`dereg.status.${current.status}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dereg.gs.objectTitle')}>
            {t('dereg.objections', { count: current.objections })}
          </Descriptions.Item>
        </Descriptions>
        {current.status === 'notice' && <Typography.Text>{t('dereg.noticeObjectHint')}</Typography.Text>}
        {current.applyUntil && (current.status === 'notice' || current.status === 'apply-window') && (
          <Typography.Text type="secondary">
            {t('dereg.applyUntil', { date: current.applyUntil })}
          </Typography.Text>
        )}
        {uscc && (
          <a href={`/gs/${uscc}`} target="_blank" rel="noreferrer" data-testid="dereg-disclosure-link">
            {t('dereg.disclosureLink')}
          </a>
        )}
        {current.status === 'apply-window' && (
          <>
            {current.blockedBy.length > 0 && (
              <>
                <Alert type="warning" showIcon message={t('dereg.blockedTitle')} />
                <ReasonList companyId={companyId} reasons={current.blockedBy} testId="dereg-blocked" />
              </>
            )}
            {isLegalRep && (
              <Button
                type="primary"
                size="large"
                loading={applying}
                onClick={onApply}
                data-testid="dereg-apply"
              >
                {t('dereg.apply')}
              </Button>
            )}
          </>
        )}
      </Space>
    </Card>
  );
};

/** Step 4: tax clearance (清税) — immediate, or the open matters listed. */
export const TaxClearanceCard = ({
  companyId,
  clearance,
}: {
  companyId: string;
  clearance: DeregistrationOverview['taxClearance'];
}) => {
  const { t } = useTranslation();
  return (
    <Card title={<CardTitle>{t('dereg.taxTitle')}</CardTitle>} data-testid="dereg-tax">
      {clearance.open.length === 0 ? (
        <Alert
          type="success"
          showIcon
          message={clearance.immediate ? t('dereg.taxImmediate') : t('dereg.taxCleared')}
          data-testid="dereg-tax-clear"
        />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('dereg.taxOpen')}</Typography.Text>
          <ReasonList companyId={companyId} reasons={clearance.open} testId="dereg-tax-open" />
        </Space>
      )}
    </Card>
  );
};
