import { App, Button, InputNumber, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocalized } from '../../components/useLang';
import { QueryError } from '../../components/QueryError';
import { statusName } from '../../../../shared/delegation/status';
import type { LedgerRow } from '../../../../shared/api/firms';
import { firmApi, useLedger, useRefreshFirm } from './api';
import { cst, cstDate, errorText, tableHeight, useWidthScale } from './bits';

type Show = 'all' | 'pending' | 'approved' | 'ending';

const STATUS_COLOR: Record<LedgerRow['status'], string> = {
  pending: 'blue',
  approved: 'green',
  rejected: 'red',
  expired: 'default',
  cancelled: 'default',
  revoked: 'red',
};

/** Every authorization of the firm with countdowns; batch renewal of those ending soon; re-send of waiting requests. */
export const LedgerTab = ({ firmId }: { firmId: string }) => {
  const { t } = useTranslation();
  const l = useLocalized();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const ledger = useLedger(firmId);
  const w = useWidthScale();
  const refresh = useRefreshFirm(firmId);
  const [show, setShow] = useState<Show>('all');
  const [within, setWithin] = useState(30);
  const rows = useMemo(() => {
    const all = ledger.data?.rows ?? [];
    if (show === 'pending') return all.filter((r) => r.status === 'pending');
    if (show === 'approved') return all.filter((r) => r.status === 'approved' && !r.lapsed);
    if (show === 'ending')
      return all.filter(
        (r) => r.status === 'approved' && !r.lapsed && r.daysLeft !== null && r.daysLeft <= within,
      );
    return all;
  }, [ledger.data, show, within]);
  if (ledger.error) return <QueryError error={ledger.error} />;
  const k = (key: string, o?: Record<string, unknown>) => t(`firms.ledger.${key}`, o);

  const resend = (r: LedgerRow) =>
    void firmApi
      .resend(firmId, r.delegationId)
      .then((res) => {
        void message.success(k('resent', { date: cst(res.linkExpiresAt) }));
        refresh();
      })
      .catch((e: unknown) => void message.error(errorText(e)));
  const renewAll = () =>
    void firmApi
      .renewals(firmId, within)
      .then((b) => {
        void message.success(k('renewStarted'));
        navigate(`/firm/${firmId}/batches/${b.id}`);
      })
      .catch((e: unknown) => void message.error(errorText(e)));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Segmented
          aria-label={k('statusFilter')}
          value={show}
          onChange={(v) => setShow(v as Show)}
          options={[
            { value: 'all', label: k('all') },
            { value: 'pending', label: l(statusName.pending) },
            { value: 'approved', label: l(statusName.approved) },
            { value: 'ending', label: `${k('within')} ${within}` },
          ]}
        />
        <Space wrap>
          <label>
            {k('within')}{' '}
            <InputNumber
              min={1}
              max={365}
              value={within}
              onChange={(v) => setWithin(v ?? 30)}
              style={{ width: 90 }}
              data-testid="renew-within"
            />
          </label>
          <Popconfirm
            title={k('renewHint', { days: within })}
            onConfirm={renewAll}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
          >
            <Button type="primary" data-testid="renew-all">
              {k('renewAll')}
            </Button>
          </Popconfirm>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            onClick={() => void firmApi.downloadLedger(firmId, `授权台账-${ledger.data?.today ?? ''}.xlsx`)}
          >
            {k('export')}
          </Button>
        </Space>
      </Space>
      <Table<LedgerRow>
        virtual
        size="small"
        rowKey="delegationId"
        loading={ledger.isLoading}
        pagination={false}
        dataSource={rows}
        scroll={{ x: w(1180), y: tableHeight(380) }}
        data-testid="ledger-table"
        columns={[
          {
            key: 'company',
            title: k('company'),
            width: w(280),
            fixed: 'left',
            render: (_, r) => (
              <div>
                {r.companyName}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: '0.85em' }}>
                  {r.uscc}
                </Typography.Text>
              </div>
            ),
          },
          { key: 'grantor', title: k('grantor'), width: w(110), render: (_, r) => r.grantorName },
          {
            key: 'status',
            title: k('status'),
            width: w(130),
            render: (_, r) => (
              <span>
                <Tag color={r.lapsed ? 'default' : STATUS_COLOR[r.status]}>
                  {r.lapsed ? k('lapsed') : l(statusName[r.status])}
                </Tag>
                {r.renewalPending && <Tag color="purple">{k('renewing')}</Tag>}
              </span>
            ),
          },
          {
            key: 'countdown',
            title: k('countdown'),
            width: w(170),
            sorter: (a, b) => (a.daysLeft ?? 99999) - (b.daysLeft ?? 99999),
            render: (_, r) =>
              r.status === 'pending' && r.linkHoursLeft !== null ? (
                <Typography.Text type={r.linkHoursLeft < 24 ? 'danger' : undefined}>
                  {k('hoursLeft', { count: r.linkHoursLeft })}
                </Typography.Text>
              ) : r.daysLeft !== null && !r.lapsed ? (
                <Typography.Text type={r.daysLeft <= 30 ? 'warning' : undefined}>
                  {k('daysLeft', { count: r.daysLeft })}
                </Typography.Text>
              ) : (
                ''
              ),
          },
          { key: 'until', title: k('until'), width: w(120), render: (_, r) => cstDate(r.validUntil) },
          {
            key: 'resends',
            title: k('resends'),
            width: w(90),
            render: (_, r) => (r.status === 'pending' ? r.autoResends : ''),
          },
          { key: 'by', title: k('requestedBy'), width: w(100), render: (_, r) => r.requestedBy },
          {
            key: 'actions',
            title: t('firms.roster.columns.actions'),
            width: w(110),
            render: (_, r) =>
              r.status === 'pending' ? (
                <Button size="small" onClick={() => resend(r)}>
                  {k('resend')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
};
