import { Alert, Button, List, Space, Tag } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, type ApiRequestError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { changesApi } from '../../../../shared/api/contracts/changes';
import { changeKeys, useDelegationReviews } from './api';

/** After a legal representative change: keep or revoke each authorization the outgoing one granted (§1.16). */
export const DelegationReviews = ({ companyId }: { companyId: string }) => {
  const { t } = useTranslation();
  const q = useDelegationReviews(companyId);
  const queryClient = useQueryClient();
  const decide = useMutation<unknown, ApiRequestError, { reviewId: string; keep: boolean }>({
    mutationFn: ({ reviewId, keep }) =>
      api.call(changesApi.decideDelegation, {
        params: { companyId, reviewId },
        body: { keep },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: changeKeys.delegationReviews(companyId) }),
  });
  const open = (q.data?.items ?? []).filter((r) => r.decision === null);
  if (open.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="chg-delegation-reviews"
      message={t('changes.delegationReviewTitle')}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <List
            dataSource={open}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Button key="keep" onClick={() => decide.mutate({ reviewId: r.id, keep: true })}>
                    {t('changes.keep')}
                  </Button>,
                  <Button key="revoke" danger onClick={() => decide.mutate({ reviewId: r.id, keep: false })}>
                    {t('changes.revoke')}
                  </Button>,
                ]}
              >
                {r.grantee} ·{' '}
                {r.scopes.map((s) => (
                  <Tag key={s}>{s}</Tag>
                ))}{' '}
                · {t('changes.dueOn', { date: r.dueOn })}
              </List.Item>
            )}
          />
          <ErrorAlert error={decide.error} />
        </Space>
      }
    />
  );
};
