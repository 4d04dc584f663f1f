import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { Alert, Card, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DELEGATION_STATUSES, type DelegationStatus } from '../../../../shared/delegation/status';
import { useMe } from '../../api/queries';
import { QueryError } from '../../components/QueryError';
import { useGranted } from './api';
import { GrantedTable } from './GrantedTable';

/** /delegations: the legal representative's view of every authorization of every company they represent. */
export const GrantedPage = () => {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DelegationStatus | 'all'>('all');
  const granted = useGranted(status);
  const me = useMe();
  return (
    <Card title={<PageTitle title={t('delegation.granted.title')} style={{ margin: 0 }} />}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('delegation.granted.intro')}
        </Typography.Paragraph>
        {me.data && !me.data.faceEnrolled && (
          <Alert type="warning" showIcon message={t('delegation.granted.faceMissing')} />
        )}
        <Segmented<DelegationStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('delegation.granted.all') },
            ...DELEGATION_STATUSES.map((s) => ({ value: s, label: t(`delegation.status.${s}`) })),
          ]}
        />
        {granted.error ? (
          <QueryError error={granted.error} />
        ) : (
          <GrantedTable delegations={granted.data?.delegations ?? []} showCompany />
        )}
      </Space>
    </Card>
  );
};
