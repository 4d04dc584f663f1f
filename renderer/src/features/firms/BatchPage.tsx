import { Alert, App, Button, Card, Checkbox, Progress, Space, Table, Tag, Typography } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLocalized } from '../../components/useLang';
import { QueryError } from '../../components/QueryError';
import type { BatchItemView } from '../../../../shared/api/firms';
import { firmApi, useBatch, useRefreshFirm } from './api';
import { errorText, tableHeight, useWidthScale } from './bits';
import { BatchStatusTag, finishedShare } from './BatchesTab';
import { useBatchAnnouncer } from './useBatchAnnouncer';

const ITEM_COLOR: Record<BatchItemView['status'], string> = {
  pending: 'default',
  running: 'processing',
  done: 'green',
  skipped: 'orange',
  failed: 'red',
  cancelled: 'default',
};

/** One batch: a live progress bar (batch.progress events) and the result for every client. */
export const BatchPage = () => {
  const { t } = useTranslation();
  const l = useLocalized();
  const { message } = App.useApp();
  const { firmId = '', batchId = '' } = useParams();
  const batch = useBatch(firmId, batchId);
  const w = useWidthScale();
  const refresh = useRefreshFirm(firmId);
  const [problemsOnly, setProblemsOnly] = useState(false);
  // The bar moves silently; a screen reader hears each quarter and the end, once.
  useBatchAnnouncer(batch.data);
  const items = useMemo(
    () =>
      (batch.data?.items ?? []).filter(
        (i) => !problemsOnly || i.status === 'failed' || i.status === 'skipped',
      ),
    [batch.data, problemsOnly],
  );
  if (batch.error) return <QueryError error={batch.error} />;
  const b = batch.data;
  const act = (p: Promise<unknown>) =>
    void p.then(refresh).catch((e: unknown) => void message.error(errorText(e)));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={`/firm/${firmId}/batches`}>← {t('firms.batch.back')}</Link>
      <Card loading={batch.isLoading}>
        {b && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap align="baseline">
              <PageTitle title={l(b.title)} style={{ margin: 0 }} testId="batch-title" />
              <span data-testid="batch-status">
                <BatchStatusTag status={b.status} />
              </span>
            </Space>
            <Progress
              percent={finishedShare(b)}
              status={b.status === 'running' ? 'active' : b.counts.failed > 0 ? 'exception' : 'success'}
              aria-label={t('firms.batch.progress')}
              data-testid="batch-progress"
            />
            <Typography.Text data-testid="batch-counts">{t('firms.batch.counts', b.counts)}</Typography.Text>
            <Space wrap>
              {b.counts.failed > 0 && b.status !== 'cancelled' && (
                <Button
                  type="primary"
                  onClick={() => act(firmApi.retry(firmId, b.id))}
                  data-testid="batch-retry"
                >
                  {t('firms.batch.retry')}
                </Button>
              )}
              {b.status === 'running' && b.counts.pending > 0 && (
                <Button onClick={() => act(firmApi.cancel(firmId, b.id))}>{t('firms.batch.cancel')}</Button>
              )}
              {b.hasOutput && (
                <Button
                  onClick={() => void firmApi.downloadBatch(firmId, b.id, `申报回执-${b.id.slice(0, 8)}.zip`)}
                >
                  {t('firms.batch.download')}
                </Button>
              )}
              <Checkbox checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)}>
                {t('firms.batch.onlyProblems')}
              </Checkbox>
            </Space>
            <Alert type="info" showIcon message={t('firms.batch.resumeNote')} />
          </Space>
        )}
      </Card>
      <Table<BatchItemView>
        virtual
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        scroll={{ x: 900, y: tableHeight(460) }}
        data-testid="batch-items"
        columns={[
          { key: 'seq', title: '#', width: w(60), render: (_, i) => i.seq },
          {
            key: 'client',
            title: t('firms.batch.client'),
            width: w(300),
            render: (_, i) => (
              <div>
                {i.companyName}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: '0.85em' }}>
                  {i.uscc}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'status',
            title: t('firms.ledger.status'),
            width: w(100),
            render: (_, i) => <Tag color={ITEM_COLOR[i.status]}>{t(`firms.batch.item.${i.status}`)}</Tag>,
          },
          {
            key: 'result',
            title: t('firms.batch.result'),
            render: (_, i) =>
              i.error ? (
                <Typography.Text type={i.status === 'failed' ? 'danger' : 'warning'}>
                  {l(i.error.message)}
                </Typography.Text>
              ) : i.outcome ? (
                l(i.outcome)
              ) : (
                ''
              ),
          },
        ]}
      />
    </Space>
  );
};
