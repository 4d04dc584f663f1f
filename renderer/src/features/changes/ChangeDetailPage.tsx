import { Button, Card, Space, Spin } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, newIdempotencyKey, type ApiRequestError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { changesApi } from '../../../../shared/api/contracts/changes';
import type { ChangeView } from '../../../../shared/api/changes';
import { changeKeys, useChange } from './api';
import { ChangeCard } from './ChangeCard';
import { FaceSign } from './FaceSign';
import { PageTitle } from '../../components/PageTitle';

/** A change application: the recorded diff, signing by face (when it is mine), applying after a reduction notice. */
export const ChangeDetailPage = () => {
  const { t } = useTranslation();
  const { companyId = '', changeId = '' } = useParams();
  const q = useChange(companyId, changeId);
  const queryClient = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const done = (v: ChangeView) => {
    queryClient.setQueryData(changeKeys.detail(v.id), v);
    void queryClient.invalidateQueries({ queryKey: changeKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['licences'] });
  };
  const action = useMutation<ChangeView, ApiRequestError, 'apply' | 'resubmit'>({
    mutationFn: (what) =>
      api.call(what === 'apply' ? changesApi.apply : changesApi.resubmit, {
        params: { companyId, changeId },
        idempotencyKey: key,
      }),
    onSuccess: (v) => {
      setKey(newIdempotencyKey());
      done(v);
    },
  });
  const v = q.data;
  const mine = v?.confirmations.find((c) => c.mine && c.status === 'pending');
  return (
    <div style={{ maxWidth: 960 }}>
      <PageTitle title={t('changes.detailTitle')} />
      {q.isLoading && <Spin />}
      {q.error && <QueryError error={q.error} />}
      {v && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <ChangeCard v={v} />
          {v.status === 'awaiting-confirmations' && mine && (
            <Card title={t('changes.confirmHere')}>
              <FaceSign confirmationId={mine.id} onDone={done} />
            </Card>
          )}
          {v.status === 'pre-emption-notice' && (
            <Button
              size="large"
              onClick={() => action.mutate('apply')}
              loading={action.isPending}
              data-testid="chg-proceed"
            >
              {t('changes.proceed')}
            </Button>
          )}
          {v.status === 'claim-window' && (
            <Button
              size="large"
              onClick={() => action.mutate('apply')}
              loading={action.isPending}
              data-testid="chg-apply"
            >
              {t('changes.apply')}
            </Button>
          )}
          {v.status === 'needs-supplement' && (
            <Button size="large" onClick={() => action.mutate('resubmit')} loading={action.isPending}>
              {t('changes.resubmit')}
            </Button>
          )}
          <ErrorAlert error={action.error} testId="chg-action-error" />
        </Space>
      )}
    </div>
  );
};
