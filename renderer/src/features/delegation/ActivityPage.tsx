import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, urlOf } from '../../api/client';
import { useCompany } from '../../api/queries';
import { formatDateTime } from '../../components/format';
import { QueryError } from '../../components/QueryError';
import { activityApi } from '../../../../shared/api/contracts/activity';
import type { ActivityEntry, ActivityQuery } from '../../../../shared/api/activity';
import { activityActionName } from '../../../../shared/activity/actions';
import { PageTitle } from '../../components/PageTitle';

const PAGE = 50;

type Filters = { actor?: string; action?: string; from?: string; to?: string };

const detailText = (detail: Record<string, unknown>): string =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('；');

/**
 * /companies/:companyId/activity — the legal representative's 操作日志: everything any delegate or
 * firm did for the company, filterable and exportable.
 */
export const ActivityPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const { companyId = '' } = useParams();
  const company = useCompany(companyId);
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const query: Partial<ActivityQuery> = { ...filters, offset: (page - 1) * PAGE, limit: PAGE };
  const log = useQuery({
    queryKey: ['activity', companyId, query],
    queryFn: () => api.call(activityApi.list, { params: { companyId }, query }),
  });
  const set = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const facets = log.data?.facets;
  const exportXlsx = () =>
    api.download(
      urlOf(activityApi.xlsx, { params: { companyId }, query: filters }),
      `${t('delegation.activity.fileName')}.xlsx`,
    );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/companies/${companyId}`}>← {t('delegation.activity.back')}</Link>
      <Card
        title={<PageTitle title={t('delegation.activity.title')} style={{ margin: 0 }} />}
        extra={
          <Button onClick={() => void exportXlsx()} data-testid="activity-export">
            {t('delegation.activity.export')}
          </Button>
        }
      >
        {company.data && (
          <Typography.Paragraph data-testid="activity-company">
            {company.data.name} <Typography.Text className="st-id">{company.data.uscc}</Typography.Text>
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary">{t('delegation.activity.hint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('delegation.activity.actor')}
            aria-label={t('delegation.activity.actor')}
            data-testid="activity-actor"
            value={filters.actor}
            onChange={(v?: string) => set({ actor: v })}
            options={(facets?.actors ?? []).map((a) => ({
              value: a.key,
              label: `${a.firm ? `${t('delegation.activity.firm')} · ` : ''}${a.name} (${a.count})`,
            }))}
          />
          <Select
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('delegation.activity.action')}
            aria-label={t('delegation.activity.action')}
            data-testid="activity-action"
            value={filters.action}
            onChange={(v?: string) => set({ action: v })}
            options={(facets?.actions ?? []).map((a) => ({
              value: a.action,
              label: `${activityActionName(a.action, lang)} (${a.count})`,
            }))}
          />
          <Input
            type="date"
            aria-label={t('delegation.activity.from')}
            data-testid="activity-from"
            value={filters.from ?? ''}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
          <Input
            type="date"
            aria-label={t('delegation.activity.to')}
            data-testid="activity-to"
            value={filters.to ?? ''}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
        </Space>
        {log.error ? (
          <QueryError error={log.error} />
        ) : (
          <Table<ActivityEntry>
            rowKey="id"
            size="small"
            loading={log.isLoading}
            data-testid="activity-table"
            dataSource={log.data?.entries ?? []}
            pagination={{ current: page, pageSize: PAGE, total: log.data?.total ?? 0, onChange: setPage }}
            columns={[
              {
                title: t('delegation.activity.at'),
                dataIndex: 'at',
                width: 170,
                render: (at: string) => formatDateTime(at),
              },
              {
                title: t('delegation.activity.action'),
                dataIndex: 'action',
                render: (a: string) => activityActionName(a, lang),
              },
              {
                title: t('delegation.activity.by'),
                key: 'by',
                render: (_: unknown, e) => (
                  <Space size={4} wrap>
                    <span>{e.actor.name ?? t('delegation.audit.system')}</span>
                    {e.firm && <Tag color="blue">{e.firm.name}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('delegation.activity.detail'),
                key: 'detail',
                render: (_: unknown, e) => (
                  <Typography.Text type="secondary">{detailText(e.detail)}</Typography.Text>
                ),
              },
            ]}
          />
        )}
        {log.data && log.data.total === 0 && (
          <Alert type="info" showIcon message={t('delegation.activity.empty')} />
        )}
      </Card>
    </Space>
  );
};
