import { App, Button, Card, Collapse, Empty, Input, Modal, Segmented, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { QueryError } from '../../components/QueryError';
import { useLocalized } from '../../components/useLang';
import type { ApplicationView } from '../../../../shared/api/licences';
import { licenceApi, licenceKeys, useReviewQueue, type ReviewDecisionBody } from './api';
import { AppStatusTag } from './ApplicationsList';
import { EvidenceTables } from './EvidenceTables';

const FILTERS = ['open', 'submitted', 'accepted', 'approved', 'returned'] as const;

/** Authority staff: the queue of licence-free applications, the evidence, accept / approve / return. */
export const ReviewPage = () => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('open');
  const queue = useReviewQueue(filter);
  const [returning, setReturning] = useState<ApplicationView>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string>();

  const act = async (
    a: ApplicationView,
    action: 'accept' | 'approve' | 'return',
    body: ReviewDecisionBody = {},
  ) => {
    setBusy(`${a.id}:${action}`);
    try {
      await licenceApi.decide(a.id, action, body);
      message.success(t('licences.review.done'));
      await queryClient.invalidateQueries({ queryKey: licenceKeys.all });
      return true;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    } finally {
      setBusy(undefined);
    }
  };
  const download = (a: ApplicationView) => (uploadId: string, fileName: string) =>
    void licenceApi.reviewUpload(a.id, uploadId, fileName).catch((e: Error) => message.error(e.message));

  if (queue.error) return <QueryError error={queue.error} />;
  const items = queue.data?.applications ?? [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} className="st-h1" style={{ marginTop: 0 }}>
          {t('licences.review.title')}
        </Typography.Title>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as (typeof FILTERS)[number])}
          options={FILTERS.map((f) => ({ value: f, label: t(`licences.review.filter.${f}`) }))}
        />
      </Card>
      <Card loading={queue.isLoading}>
        {items.length === 0 ? (
          <Empty description={t('licences.review.none')} />
        ) : (
          <Collapse
            items={items.map((a) => ({
              key: a.id,
              label: (
                <Space wrap data-testid="review-row">
                  <strong>{loc(a.service.name)}</strong>
                  <span>{a.companyName}</span>
                  <AppStatusTag status={a.status} />
                  <Typography.Text type="secondary">{formatDateTime(a.submittedAt)}</Typography.Text>
                </Space>
              ),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text>
                    {t('licences.application.submittedBy')}：{a.submittedBy.name}
                    {a.note ? ` · ${a.note}` : ''}
                  </Typography.Text>
                  <EvidenceTables app={a} onDownload={download(a)} />
                  <Space wrap>
                    {a.status === 'submitted' && (
                      <Button
                        type="primary"
                        loading={busy === `${a.id}:accept`}
                        onClick={() => void act(a, 'accept')}
                        data-testid="review-accept"
                      >
                        {t('licences.review.accept')}
                      </Button>
                    )}
                    {a.status === 'accepted' && (
                      <Button
                        type="primary"
                        loading={busy === `${a.id}:approve`}
                        onClick={() => void act(a, 'approve')}
                        data-testid="review-approve"
                      >
                        {t('licences.review.approve')}
                      </Button>
                    )}
                    {(a.status === 'submitted' || a.status === 'accepted') && (
                      <Button danger onClick={() => setReturning(a)} data-testid="review-return">
                        {t('licences.review.return')}
                      </Button>
                    )}
                  </Space>
                </Space>
              ),
            }))}
          />
        )}
      </Card>
      <Modal
        open={!!returning}
        title={t('licences.review.returnReason')}
        okText={t('licences.review.return')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        onCancel={() => setReturning(undefined)}
        onOk={async () => {
          if (returning && (await act(returning, 'return', { reason: reason.trim() }))) {
            setReturning(undefined);
            setReason('');
          }
        }}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('licences.review.returnPlaceholder')}
          aria-label={t('licences.review.returnReason')}
          maxLength={500}
        />
      </Modal>
    </Space>
  );
};
