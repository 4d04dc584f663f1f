import { Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { ItemMeta } from '../../components/ItemMeta';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../../components/useLang';
import { QueryError } from '../../components/QueryError';
import type { BatchView } from '../../../../shared/api/firms';
import { useBatches } from './api';
import { cst } from './bits';

export const finishedShare = (b: Pick<BatchView, 'total' | 'counts'>): number =>
  b.total === 0 ? 100 : Math.floor(((b.total - b.counts.pending - b.counts.running) / b.total) * 100);

export const BatchStatusTag = ({ status }: { status: BatchView['status'] }) => {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'running' ? 'processing' : status === 'done' ? 'green' : 'default'}>
      {t(`firms.batch.status.${status}`)}
    </Tag>
  );
};

/** The firm's batches, newest first, each with its progress. */
export const BatchesTab = ({ firmId }: { firmId: string }) => {
  const { t } = useTranslation();
  const l = useLocalized();
  const batches = useBatches(firmId);
  if (batches.error) return <QueryError error={batches.error} />;
  return (
    <List
      loading={batches.isLoading}
      dataSource={batches.data?.batches ?? []}
      locale={{ emptyText: <Empty description={t('firms.batch.empty')} /> }}
      renderItem={(b) => (
        <List.Item
          data-testid="batch-row"
          actions={[
            <Link key="open" to={`/firm/${firmId}/batches/${b.id}`}>
              {t('firms.batch.open')}
            </Link>,
          ]}
        >
          <ItemMeta
            title={
              <Space wrap>
                <Link to={`/firm/${firmId}/batches/${b.id}`}>{l(b.title)}</Link>
                <BatchStatusTag status={b.status} />
              </Space>
            }
            description={
              <Space direction="vertical" style={{ width: '100%' }} size={2}>
                <Progress
                  percent={finishedShare(b)}
                  size="small"
                  status={b.counts.failed > 0 ? 'exception' : b.status === 'running' ? 'active' : 'success'}
                />
                <Typography.Text type="secondary">
                  {t('firms.batch.counts', b.counts)} · {t('firms.batch.owner')} {b.ownerName} ·{' '}
                  {cst(b.createdAt)}
                </Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
};
