import { useState } from 'react';
import { Alert, Button, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DelegationView } from '../../../../shared/api/delegation';
import { formatDateTime } from '../../components/format';
import { delegationApi, useRefreshDelegations } from './api';
import { ScopeTags, StatusTag, ValidityText } from './bits';
import { AuditDrawer } from './AuditDrawer';
import { QrImage } from '../../components/QrImage';
import { approvalUrl } from './LinkCard';

/** The legal representative's table: who holds what until when; revoke, decline, confirm by phone, audit trail. */
export const GrantedTable = ({
  delegations,
  showCompany,
}: {
  delegations: DelegationView[];
  showCompany: boolean;
}) => {
  const { t } = useTranslation();
  const refresh = useRefreshDelegations();
  const [trailOf, setTrailOf] = useState<string | null>(null);
  const [qrOf, setQrOf] = useState<DelegationView | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await fn();
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<DelegationView>
        rowKey="id"
        size="middle"
        dataSource={delegations}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('delegation.granted.empty') }}
        onRow={() => ({ 'data-testid': 'granted-row' }) as object}
        columns={[
          ...(showCompany
            ? [
                {
                  title: t('delegation.granted.company'),
                  key: 'company',
                  render: (_: unknown, d: DelegationView) => d.company.name,
                },
              ]
            : []),
          {
            title: t('delegation.granted.grantee'),
            key: 'grantee',
            render: (_, d) => (
              <Space direction="vertical" size={2}>
                <span>
                  {d.grantee
                    ? `${d.grantee.name}（${d.grantee.residentIdMasked}）`
                    : (d.granteeFirm?.name ?? '')}
                </span>
                {/* A firm handover reads as one entry: where the client came from (or went). */}
                {d.handover && (
                  <Tag color="blue" data-testid="handover-entry" style={{ whiteSpace: 'normal' }}>
                    {d.handover.role === 'granted'
                      ? t('delegation.granted.handoverFrom', {
                          from: d.handover.fromFirm,
                          to: d.handover.toFirm,
                        })
                      : t('delegation.granted.handoverEnded', { to: d.handover.toFirm })}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('delegation.granted.scopes'),
            key: 'scopes',
            render: (_, d) => <ScopeTags scopes={d.scopes} />,
          },
          {
            title: t('delegation.granted.validity'),
            key: 'validity',
            render: (_, d) => <ValidityText validity={d.validity} />,
          },
          {
            title: t('delegation.granted.until'),
            key: 'until',
            render: (_, d) => (d.validUntil ? formatDateTime(d.validUntil) : '—'),
          },
          {
            title: t('delegation.granted.status'),
            key: 'status',
            render: (_, d) => <StatusTag status={d.status} />,
          },
          {
            title: t('delegation.granted.actions'),
            key: 'actions',
            render: (_, d) => (
              <Space wrap>
                {d.status === 'approved' && (
                  <Popconfirm
                    title={t('delegation.granted.revokeConfirm')}
                    description={
                      <Input
                        aria-label={t('delegation.granted.reason')}
                        placeholder={t('delegation.granted.reason')}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                      />
                    }
                    okText={t('delegation.granted.revoke')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      act(() => delegationApi.revoke(d.id, reason.trim() || undefined)).then(() =>
                        setReason(''),
                      )
                    }
                  >
                    <Button danger data-testid="delegation-revoke">
                      {t('delegation.granted.revoke')}
                    </Button>
                  </Popconfirm>
                )}
                {d.status === 'pending' && d.link && (
                  <Button type="primary" onClick={() => setQrOf(d)}>
                    {t('delegation.granted.approveByPhone')}
                  </Button>
                )}
                {d.status === 'pending' && (
                  <Popconfirm
                    title={t('delegation.approve.declineConfirm')}
                    onConfirm={() => act(() => delegationApi.reject(d.id))}
                    okText={t('delegation.granted.reject')}
                    cancelText={t('common.cancel')}
                  >
                    <Button>{t('delegation.granted.reject')}</Button>
                  </Popconfirm>
                )}
                <Button type="link" onClick={() => setTrailOf(d.id)} data-testid="delegation-trail">
                  {t('delegation.granted.trail')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <AuditDrawer delegationId={trailOf} onClose={() => setTrailOf(null)} />
      <Modal
        open={!!qrOf}
        onCancel={() => setQrOf(null)}
        footer={null}
        title={t('delegation.granted.approveByPhone')}
      >
        {qrOf?.link && (
          <Space direction="vertical" align="center" style={{ width: '100%' }}>
            <QrImage
              value={approvalUrl(qrOf.link)}
              size={220}
              alt={t('delegation.link.qr')}
              testId="approval-qr"
            />
            <Typography.Link href={qrOf.link.path}>{approvalUrl(qrOf.link)}</Typography.Link>
          </Space>
        )}
      </Modal>
    </>
  );
};
