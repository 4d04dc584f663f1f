import { useState } from 'react';
import { Alert, Card, Empty, Space, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import type { ChangeView } from '../../../../shared/api/changes';
import { changeKeys, useMyChangeConfirmations } from './api';
import { ChangeCard } from './ChangeCard';
import { FaceSign } from './FaceSign';
import { PageTitle } from '../../components/PageTitle';

/**
 * Changes waiting for my signature — notably a new legal representative, who may not yet be
 * connected to the company: they read the diff here and sign by face.
 */
export const MyConfirmationsPage = () => {
  const { t } = useTranslation();
  const q = useMyChangeConfirmations();
  const queryClient = useQueryClient();
  const [signed, setSigned] = useState<ChangeView[]>([]);
  return (
    <div style={{ maxWidth: 960 }}>
      <PageTitle title={t('changes.myConfirmTitle')} />
      {q.isLoading && <Spin />}
      {q.error && <QueryError error={q.error} />}
      {signed.map((v) => (
        <Alert
          key={v.id}
          type="success"
          showIcon
          data-testid="chg-signed"
          style={{ marginBottom: 16 }}
          message={t('changes.signed', { company: v.companyName, status: t(`changes.status.${v.status}`) })}
        />
      ))}
      {q.data && q.data.items.length === 0 && <Empty description={t('changes.noConfirm')} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {q.data?.items.map((v) => (
          <Space key={v.id} direction="vertical" style={{ width: '100%' }}>
            <ChangeCard v={v} download={false} />
            <Card title={t('changes.confirmHere')}>
              <FaceSign
                confirmationId={v.confirmationId}
                onDone={(done) => {
                  setSigned((s) => [...s, done]);
                  queryClient.setQueryData(changeKeys.detail(done.id), done);
                  void queryClient.invalidateQueries({ queryKey: changeKeys.all });
                }}
              />
            </Card>
          </Space>
        ))}
      </Space>
    </div>
  );
};
