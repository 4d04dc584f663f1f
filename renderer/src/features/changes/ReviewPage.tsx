import { useState } from 'react';
import { Button, Empty, Input, Space, Spin } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, type ApiRequestError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { changesApi } from '../../../../shared/api/contracts/changes';
import type { ChangeView } from '../../../../shared/api/changes';
import { changeKeys, useChangeReviewQueue } from './api';
import { ChangeCard } from './ChangeCard';
import { PageTitle } from '../../components/PageTitle';

const Decide = ({ v }: { v: ChangeView }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation<ChangeView, ApiRequestError, 'approve' | 'reject' | 'supplement'>({
    mutationFn: (decision) =>
      api.call(changesApi.decide, {
        params: { changeId: v.id },
        body: { decision, ...(note.trim() ? { note: note.trim() } : {}) },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: changeKeys.all }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        rows={2}
        placeholder={t('changes.note')}
        aria-label={t('changes.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <Space wrap>
        <Button
          type="primary"
          onClick={() => decide.mutate('approve')}
          loading={decide.isPending}
          data-testid="chg-approve"
        >
          {t('changes.approve')}
        </Button>
        <Button onClick={() => decide.mutate('supplement')}>{t('changes.supplement')}</Button>
        <Button danger onClick={() => decide.mutate('reject')}>
          {t('changes.reject')}
        </Button>
      </Space>
      <ErrorAlert error={decide.error} />
    </Space>
  );
};

/** Reviewer: submitted changes that are not 秒批, oldest first, decided here. */
export const ChangeReviewPage = () => {
  const { t } = useTranslation();
  const q = useChangeReviewQueue();
  return (
    <div style={{ maxWidth: 960 }}>
      <PageTitle title={t('changes.reviewTitle')} />
      {q.isLoading && <Spin />}
      {q.error && <QueryError error={q.error} />}
      {q.data && q.data.items.length === 0 && <Empty description={t('changes.reviewEmpty')} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {q.data?.items.map((v) => (
          <Space key={v.id} direction="vertical" style={{ width: '100%' }}>
            <ChangeCard v={v} download={false} />
            <Decide v={v} />
          </Space>
        ))}
      </Space>
    </div>
  );
};
