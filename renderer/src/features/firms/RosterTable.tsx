import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RosterRow } from '../../../../shared/firms/roster';
import { cst, DelegationTag, FilingTag, tableHeight, useWidthScale } from './bits';

type Props = {
  rows: RosterRow[];
  groups: { id: string; name: string }[];
  periods: { month: string; quarter: string; cit: string };
  selected: string[];
  onSelect: (ids: string[]) => void;
  onRequest: (row: RosterRow) => void;
  loading: boolean;
};

const needsAuthorization = (r: RosterRow): boolean =>
  r.delegation === 'none' ||
  r.delegation === 'expired' ||
  r.delegation === 'revoked' ||
  r.delegation === 'rejected';

/**
 * The client roster as a virtualized table: only the rows in view are rendered, so 10,000 clients
 * scroll as smoothly as ten. Sorting is client-side over the loaded rows.
 */
const SELECTION_WIDTH = 48;

/**
 * The table's scroll width: every column plus the selection box. A virtual table lays columns out
 * within exactly this width, so a smaller figure clips the last columns instead of scrolling.
 */
export const rosterWidth = (columns: readonly { width?: number | string }[]): number =>
  columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), SELECTION_WIDTH);

export const RosterTable = ({ rows, groups, periods, selected, onSelect, onRequest, loading }: Props) => {
  const { t } = useTranslation();
  const c = (key: string, o?: Record<string, unknown>) => t(`firms.roster.columns.${key}`, o);
  const w = useWidthScale();
  const columns: ColumnsType<RosterRow> = [
    {
      key: 'name',
      title: c('name'),
      width: w(280),
      fixed: 'left',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_, r) => (
        <div>
          <Link to={`/companies/${r.companyId}`} data-testid="roster-name">
            {r.name}
          </Link>
          {r.lifecycle !== 'active' && (
            <Tag
              color={r.lifecycle === 'deregistered' ? 'default' : 'orange'}
              style={{ marginInlineStart: 6 }}
              data-testid="roster-lifecycle"
              data-lifecycle={r.lifecycle}
            >
              {t(`dereg.roster.${r.lifecycle}`)}
            </Tag>
          )}
          <Typography.Text
            type="secondary"
            style={{ display: 'block', fontSize: '0.85em' }}
            copyable={{ text: r.uscc }}
          >
            {r.uscc}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'group',
      title: c('group'),
      width: w(110),
      render: (_, r) => r.groups.map((g) => groups[g]?.name ?? '').join('、'),
    },
    {
      key: 'delegation',
      title: c('delegation'),
      width: w(150),
      sorter: (a, b) => (a.daysLeft ?? -9999) - (b.daysLeft ?? -9999),
      render: (_, r) => (
        <span>
          <DelegationTag state={r.delegation} />
          {(r.delegation === 'active' || r.delegation === 'expiring') && r.daysLeft !== null && (
            <span>{t('firms.roster.days', { count: r.daysLeft })}</span>
          )}
        </span>
      ),
    },
    {
      key: 'vat',
      title: c('vat', { period: `${periods.quarter}/${periods.month.slice(5)}` }),
      width: w(130),
      render: (_, r) => <FilingTag state={r.vat} />,
    },
    {
      key: 'cit',
      title: c('cit', { period: periods.cit }),
      width: w(120),
      render: (_, r) => <FilingTag state={r.cit} />,
    },
    {
      key: 'deadline',
      title: c('deadline'),
      width: w(150),
      sorter: (a, b) => (a.nextDeadline ?? '9999').localeCompare(b.nextDeadline ?? '9999'),
      render: (_, r) =>
        r.nextDeadline ? `${r.nextDeadline} ${r.nextTax ? t(`firms.taxes.${r.nextTax}`) : ''}` : '',
    },
    {
      key: 'licences',
      title: c('licences'),
      width: w(130),
      sorter: (a, b) => a.licencesExpiring - b.licencesExpiring,
      render: (_, r) =>
        r.licencesExpiring > 0 ? (
          <Typography.Text type="warning">
            {t('firms.roster.licences', { count: r.licencesExpiring })}
          </Typography.Text>
        ) : (
          ''
        ),
    },
    {
      key: 'annual',
      title: t('annual.rosterColumn'),
      width: w(110),
      sorter: (a, b) => (a.annualDaysLeft ?? 999) - (b.annualDaysLeft ?? 999),
      render: (_, r) =>
        r.annualOverdue ? (
          <Typography.Text type="danger">{t('annual.rosterOverdue')}</Typography.Text>
        ) : r.annualDaysLeft !== null ? (
          <Typography.Text type={r.annualDaysLeft <= 30 ? 'warning' : undefined}>
            {t('annual.rosterDue', { days: r.annualDaysLeft })}
          </Typography.Text>
        ) : (
          ''
        ),
    },
    {
      key: 'activity',
      title: c('activity'),
      width: w(150),
      sorter: (a, b) => (a.lastActivity ?? '').localeCompare(b.lastActivity ?? ''),
      render: (_, r) =>
        r.lastActivity ? (
          cst(r.lastActivity)
        ) : (
          <Typography.Text type="secondary">{t('firms.roster.never')}</Typography.Text>
        ),
    },
    { key: 'contact', title: c('contact'), width: w(110), render: (_, r) => r.contact ?? '' },
    {
      key: 'actions',
      title: c('actions'),
      width: w(110),
      render: (_, r) =>
        needsAuthorization(r) ? (
          <Button size="small" onClick={() => onRequest(r)} data-testid="request-auth">
            {t('firms.roster.requestAuth')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Table<RosterRow>
      virtual
      size="small"
      rowKey="companyId"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: rosterWidth(columns), y: tableHeight(420) }}
      locale={{ emptyText: t('firms.roster.empty') }}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => onSelect(keys as string[]),
        columnWidth: SELECTION_WIDTH,
        // Each row's checkbox is named after its client, not left as an unnamed "checkbox".
        getCheckboxProps: (r) => {
          // antd passes the rest of these props on to the <input>; its type omits aria-*.
          const props: { disabled: boolean; 'aria-label': string } = {
            disabled: false,
            'aria-label': t('firms.roster.selectRow', { name: r.name }),
          };
          return props;
        },
      }}
      data-testid="roster-table"
    />
  );
};
