import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api/client';
import { FaceCapture, faceTestIds } from '../../components/face/FaceCapture';
import { formatDateTime } from '../../components/format';
import { useLocalized } from '../../components/useLang';
import { deregistrationApi } from '../../../../shared/api/contracts/deregistration';
import type { DeregistrationOverview, DeregistrationView } from '../../../../shared/api/deregistration';
import { CardTitle } from './bits';

/**
 * Step 2: the commitment of all investors (全体投资人承诺书, CL §240), each investor's status, and
 * the viewer's own confirmation by a live face check when it is awaited.
 */
export const Commitment = ({
  companyId,
  overview,
  current,
  onChanged,
}: {
  companyId: string;
  overview: DeregistrationOverview;
  current: DeregistrationView;
  onChanged: (o: DeregistrationOverview) => void;
}) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const mine = overview.awaitingMyCommitment;
  return (
    <Card title={<CardTitle>{t('dereg.commitmentTitle')}</CardTitle>} data-testid="dereg-commitment">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph
          style={{ fontSize: '1.05em', background: '#fafafa', padding: 12, border: '1px solid #f0f0f0' }}
          data-testid="dereg-commitment-text"
        >
          {loc(overview.commitmentText)}
        </Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="personId"
          dataSource={current.investors}
          data-testid="dereg-investors"
          columns={[
            { title: t('dereg.investor'), dataIndex: 'name' },
            {
              title: t('dereg.investorStatus'),
              render: (_, i) =>
                i.confirmedAt ? (
                  <Tag color="green" data-testid="dereg-investor-confirmed">
                    {t('dereg.confirmedAt', { time: formatDateTime(i.confirmedAt) })}
                  </Tag>
                ) : (
                  <Tag data-testid="dereg-investor-waiting">{t('dereg.waiting')}</Tag>
                ),
            },
          ]}
        />
        {current.status === 'commitment' && mine && (
          <div style={{ maxWidth: 560 }}>
            <FaceCapture
              getChallenge={() => api.call(deregistrationApi.faceChallenge, { params: { companyId } })}
              submit={async (challengeId, frames) => {
                const { faceCheckId } = await api.call(deregistrationApi.face, {
                  params: { companyId },
                  body: { challengeId, frames },
                });
                return api.call(deregistrationApi.commit, {
                  params: { companyId },
                  body: { faceCheckId },
                  idempotencyKey: newIdempotencyKey(),
                });
              }}
              onDone={onChanged}
              startLabel={t('dereg.commitStart')}
              retryLabel={t('dereg.faceRetry')}
              testIds={faceTestIds('dereg-face')}
              before={<Typography.Paragraph>{t('dereg.commitIntro')}</Typography.Paragraph>}
            />
          </div>
        )}
        {current.status === 'commitment' && !mine && (
          <Alert type="info" showIcon message={t('dereg.othersWaiting')} data-testid="dereg-others-waiting" />
        )}
      </Space>
    </Card>
  );
};
