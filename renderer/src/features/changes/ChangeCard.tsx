import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, urlOf } from '../../api/client';
import { useLocalized } from '../../components/useLang';
import { formatDateTime } from '../../components/format';
import { changesApi } from '../../../../shared/api/contracts/changes';
import type { ChangeView } from '../../../../shared/api/changes';

export const statusColor = {
  'pre-emption-notice': 'gold',
  'claim-window': 'gold',
  'awaiting-confirmations': 'blue',
  submitted: 'purple',
  'needs-supplement': 'orange',
  approved: 'green',
  rejected: 'red',
} as const;

/** One application as everyone sees it: status, the diff, the deadline, signatures and the outcome. */
export const ChangeCard = ({ v, download = true }: { v: ChangeView; download?: boolean }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <Card
      data-testid="chg-card"
      title={
        <Space wrap>
          <span>{v.companyName}</span>
          <Tag color={statusColor[v.status]} data-testid="chg-status">
            {t(`changes.status.${v.status}`)}
          </Tag>
          <Tag>{t(`changes.route.${v.route}`)}</Tag>
        </Space>
      }
      extra={
        download && (
          <Button
            onClick={() =>
              void api.download(
                urlOf(changesApi.resolution, { params: { companyId: v.companyId, changeId: v.id } }),
                'resolution.pdf',
              )
            }
            data-testid="chg-resolution"
          >
            {t('changes.resolutionPdf')}
          </Button>
        )
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {v.status === 'approved' && v.licence && (
          <Alert
            type="success"
            showIcon
            data-testid="chg-approved"
            message={t('changes.approvedNote', { version: v.licence.version })}
            action={
              <Link to={`/companies/${v.companyId}/licences`}>
                <Button>{t('changes.viewWallet')}</Button>
              </Link>
            }
          />
        )}
        {v.decisionNote && (
          <Alert type={v.status === 'rejected' ? 'error' : 'warning'} showIcon message={v.decisionNote} />
        )}
        {v.reduction && (
          <Alert
            type="info"
            showIcon
            data-testid="chg-reduction"
            message={
              v.reduction.claimWindowEndsOn
                ? t('changes.reductionNotice', {
                    date: v.reduction.announcedOn,
                    end: v.reduction.claimWindowEndsOn,
                  })
                : t('changes.reductionLossesNotice', { date: v.reduction.announcedOn })
            }
            description={t('changes.reductionDeadlinesOf', {
              notify: v.reduction.notifyCreditorsBy,
              announce: v.reduction.announceBy,
            })}
          />
        )}
        {v.preemption && (
          <Alert
            type="info"
            showIcon
            data-testid="chg-preemption"
            message={t('changes.preemptionNotice', { date: v.preemption.windowEndsOn })}
            description={v.preemption.notices
              .map((n) => `${n.name}：${t(`changes.noticeAnswerState.${n.answer ?? 'none'}`)}`)
              .join('；')}
          />
        )}
        {v.lateNote && <Alert type="warning" showIcon data-testid="chg-late" message={loc(v.lateNote)} />}
        <Table
          size="small"
          pagination={false}
          rowKey="item"
          dataSource={v.diff}
          data-testid="chg-diff-recorded"
          columns={[
            { title: t('changes.item'), render: (_, d) => loc(d.label), width: 140 },
            { title: t('changes.before'), dataIndex: 'before' },
            {
              title: t('changes.after'),
              render: (_, d) => <Typography.Text strong>{d.after}</Typography.Text>,
            },
          ]}
        />
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('changes.resolutionDate')}>{v.resolutionDate}</Descriptions.Item>
          <Descriptions.Item label={t('changes.deadlineLabel')}>
            <span data-testid="chg-deadline-recorded">{v.deadline}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('changes.voteResult')} span={2}>
            {t(`changes.threshold.${v.threshold}`)} · {t('changes.inFavour', { share: v.inFavour })}
          </Descriptions.Item>
          {v.confirmations.map((c) => (
            <Descriptions.Item
              key={c.id}
              label={`${t('changes.confirmations')} · ${t(`changes.role.${c.role}`)}`}
            >
              {c.name} ·{' '}
              {c.status === 'confirmed'
                ? `${t('changes.confirmed')} ${c.confirmedAt ? formatDateTime(c.confirmedAt) : ''}`
                : t('changes.pending')}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Space>
    </Card>
  );
};
