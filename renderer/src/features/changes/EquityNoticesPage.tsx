import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, type ApiRequestError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { changesApi } from '../../../../shared/api/contracts/changes';
import type { ChangeView } from '../../../../shared/api/changes';
import { changeKeys, useMyEquityNotices } from './api';
import { ChangeCard } from './ChangeCard';
import { PageTitle } from '../../components/PageTitle';

const Answer = ({
  noticeId,
  windowEndsOn,
  onDone,
}: {
  noticeId: string;
  windowEndsOn: string;
  onDone: (v: ChangeView) => void;
}) => {
  const { t } = useTranslation();
  const [key, setKey] = useState(newIdempotencyKey);
  const answer = useMutation<ChangeView, ApiRequestError, 'waive' | 'claim'>({
    mutationFn: (a) =>
      api.call(changesApi.answerEquityNotice, {
        params: { noticeId },
        body: { answer: a },
        idempotencyKey: key,
      }),
    onSuccess: (v) => {
      setKey(newIdempotencyKey());
      onDone(v);
    },
  });
  return (
    <Card title={t('changes.noticeAnswer')}>
      <Typography.Paragraph>{t('changes.noticeIntro', { date: windowEndsOn })}</Typography.Paragraph>
      <Space wrap>
        <Button
          size="large"
          onClick={() => answer.mutate('waive')}
          loading={answer.isPending}
          data-testid="chg-waive"
        >
          {t('changes.waive')}
        </Button>
        <Button
          size="large"
          danger
          onClick={() => answer.mutate('claim')}
          loading={answer.isPending}
          data-testid="chg-claim"
        >
          {t('changes.claim')}
        </Button>
      </Space>
      <ErrorAlert error={answer.error} testId="chg-notice-error" />
    </Card>
  );
};

/**
 * 股权对外转让通知 (CL §84 ¶2): transfers to outsiders the signed-in shareholder is told of; they
 * waive or claim pre-emption before the 30 days end (silence waives it).
 */
export const EquityNoticesPage = () => {
  const { t } = useTranslation();
  const q = useMyEquityNotices();
  const queryClient = useQueryClient();
  const [answered, setAnswered] = useState<ChangeView[]>([]);
  return (
    <div style={{ maxWidth: 960 }}>
      <PageTitle title={t('changes.noticesTitle')} />
      {q.isLoading && <Spin />}
      {q.error && <QueryError error={q.error} />}
      {answered.map((v) => (
        <Alert
          key={v.id}
          type="success"
          showIcon
          data-testid="chg-answered"
          style={{ marginBottom: 16 }}
          message={t('changes.answered', { company: v.companyName, status: t(`changes.status.${v.status}`) })}
        />
      ))}
      {q.data && q.data.items.length === 0 && <Empty description={t('changes.noNotices')} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {q.data?.items.map((v) => (
          <Space key={v.id} direction="vertical" style={{ width: '100%' }}>
            <ChangeCard v={v} download={false} />
            <Answer
              noticeId={v.noticeId}
              windowEndsOn={v.preemption?.windowEndsOn ?? ''}
              onDone={(done) => {
                setAnswered((s) => [...s, done]);
                void queryClient.invalidateQueries({ queryKey: changeKeys.all });
              }}
            />
          </Space>
        ))}
      </Space>
    </div>
  );
};
