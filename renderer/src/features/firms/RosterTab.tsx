import { App, Button, Dropdown, Input, Space, Typography } from 'antd';
import { DownloadOutlined, FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { filterRoster, isEmptyFilter, type RosterFilters } from '../../../../shared/firms/roster-filter';
import type { RosterRow } from '../../../../shared/firms/roster';
import { QueryError } from '../../components/QueryError';
import { firmApi, useRefreshFirm, useRoster, useTeam } from './api';
import { errorText, useWidthScale } from './bits';
import { RosterFilterBar } from './RosterFilterBar';
import { RosterTable } from './RosterTable';
import { SavedViewsBar } from './SavedViewsBar';
import { ZeroFilingDialog } from './ZeroFilingDialog';
import { AnnualReportBatchDialog } from './AnnualReportBatchDialog';
import { ImportDialog } from './ImportDialog';
import { AddClientDialog, RequestDialog } from './OnboardingDialogs';

/** The client roster: instant search and filters over the loaded roster, saved views, and batch actions on the selection. */
export const RosterTab = ({ firmId, isAdmin }: { firmId: string; isAdmin: boolean }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const roster = useRoster(firmId);
  const team = useTeam(firmId);
  const refresh = useRefreshFirm(firmId);
  const w = useWidthScale();
  const [filters, setFilters] = useState<RosterFilters>({});
  const [showFilters, setShowFilters] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'zero' | 'annual' | 'import' | 'add' | null>(null);
  const [requestFor, setRequestFor] = useState<RosterRow | null>(null);
  const deferred = useDeferredValue(filters);
  const data = roster.decoded;
  const groups = useMemo(() => data?.groups ?? [], [data]);
  const shown = useMemo(() => {
    if (!data) return [];
    const index = new Map(groups.map((g, i) => [g.id, i]));
    return filterRoster(data.rows, deferred, {
      today: data.today,
      now: new Date(),
      groupIndex: (id) => index.get(id) ?? -2,
    });
  }, [data, deferred, groups]);
  if (roster.error) return <QueryError error={roster.error} />;

  const moveToGroup = (groupId: string, remove: boolean) => {
    const name = groups.find((g) => g.id === groupId)?.name ?? '';
    firmApi
      .groupClients(firmId, groupId, remove ? { remove: selected } : { add: selected })
      .then(() => {
        void message.success(
          t(remove ? 'firms.roster.removedFrom' : 'firms.roster.movedTo', {
            count: selected.length,
            group: name,
          }),
        );
        refresh();
      })
      .catch((e: unknown) => void message.error(errorText(e)));
  };
  const groupMenu = (remove: boolean) => ({
    items: (team.data?.groups ?? []).map((g) => ({ key: g.id, label: g.name })),
    onClick: ({ key }: { key: string }) => moveToGroup(key, remove),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            aria-label={t('firms.roster.search')}
            placeholder={t('firms.roster.search')}
            style={{ width: w(360) }}
            value={filters.search ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, search: e.target.value }))}
            data-testid="roster-search"
          />
          <Button
            icon={<FilterOutlined aria-hidden />}
            type={isEmptyFilter({ ...filters, search: undefined }) ? 'default' : 'primary'}
            onClick={() => setShowFilters((v) => !v)}
            data-testid="toggle-filters"
          >
            {t('firms.roster.filters.title')}
          </Button>
          <SavedViewsBar firmId={firmId} filters={filters} onApply={setFilters} />
        </Space>
        <Space wrap>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            onClick={() => void firmApi.downloadRoster(firmId, `客户名册-${data?.today ?? ''}.xlsx`)}
          >
            {t('firms.roster.actions.export')}
          </Button>
          {isAdmin && (
            <Button
              icon={<UploadOutlined aria-hidden />}
              onClick={() => setDialog('import')}
              data-testid="open-import"
            >
              {t('firms.roster.actions.import')}
            </Button>
          )}
          {isAdmin && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('add')}>
              {t('firms.roster.actions.addClient')}
            </Button>
          )}
        </Space>
      </Space>
      {showFilters && <RosterFilterBar value={filters} onChange={setFilters} groups={groups} />}
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text data-testid="roster-count">
          {t('firms.roster.count', { shown: shown.length, total: data?.rows.length ?? 0 })}
          {selected.length > 0 && ` · ${t('firms.roster.selected', { count: selected.length })}`}
        </Typography.Text>
        <Space wrap>
          <Button onClick={() => setSelected(shown.map((r) => r.companyId))} data-testid="select-shown">
            {t('firms.roster.selectShown')}
          </Button>
          {selected.length > 0 && (
            <Button onClick={() => setSelected([])}>{t('firms.roster.clearSelection')}</Button>
          )}
          <Button type="primary" onClick={() => setDialog('zero')} data-testid="open-zero-filing">
            {t('firms.roster.actions.zeroFiling')}
          </Button>
          <Button onClick={() => setDialog('annual')} disabled={!data} data-testid="open-annual-batch">
            {t('firms.roster.actions.annualReports')}
          </Button>
          <Button
            disabled={selected.length === 0 || !data}
            onClick={() =>
              void firmApi
                .exportReceipts(firmId, data?.periods.quarter ?? '', selected)
                .then((b) => navigate(`/firm/${firmId}/batches/${b.id}`))
                .catch((e: unknown) => void message.error(errorText(e)))
            }
          >
            {t('firms.roster.actions.receipts')}
          </Button>
          {isAdmin && (
            <Dropdown menu={groupMenu(false)} disabled={selected.length === 0} trigger={['click']}>
              <Button data-testid="to-group">{t('firms.roster.actions.toGroup')}</Button>
            </Dropdown>
          )}
          {isAdmin && (
            <Dropdown menu={groupMenu(true)} disabled={selected.length === 0} trigger={['click']}>
              <Button>{t('firms.roster.actions.fromGroup')}</Button>
            </Dropdown>
          )}
        </Space>
      </Space>
      <RosterTable
        rows={shown}
        groups={groups}
        periods={data?.periods ?? { month: '', quarter: '', cit: '' }}
        selected={selected}
        onSelect={setSelected}
        onRequest={setRequestFor}
        loading={roster.isLoading}
      />
      {dialog === 'zero' && data && (
        <ZeroFilingDialog
          firmId={firmId}
          periods={data.periods}
          selected={selected}
          onClose={() => setDialog(null)}
          onStarted={(id) => navigate(`/firm/${firmId}/batches/${id}`)}
        />
      )}
      {dialog === 'annual' && data && (
        <AnnualReportBatchDialog
          firmId={firmId}
          today={data.today}
          selected={selected}
          onClose={() => setDialog(null)}
          onStarted={(id) => navigate(`/firm/${firmId}/batches/${id}`)}
        />
      )}
      {dialog === 'import' && (
        <ImportDialog firmId={firmId} onClose={() => setDialog(null)} onDone={refresh} />
      )}
      {dialog === 'add' && (
        <AddClientDialog
          firmId={firmId}
          groups={team.data?.groups ?? []}
          onClose={() => setDialog(null)}
          onDone={refresh}
        />
      )}
      {requestFor && (
        <RequestDialog
          firmId={firmId}
          client={requestFor}
          onClose={() => setRequestFor(null)}
          onDone={refresh}
        />
      )}
    </Space>
  );
};
