import { useRef } from 'react';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../components/useLang';
import { formatDateTime, formatMoney } from '../../components/format';
import type { CompanyDetail } from '../../../../shared/api/companies';
import type { ReturnSummary } from '../../../../shared/api/tax';
import { useCompanyDue, useReturns } from './api';
import { DueList } from './DueList';
import { periodText } from './labels';

const RecentReturns = ({ companyId }: { companyId: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const returns = useReturns(companyId);
  const rows = (returns.data?.returns ?? []).slice(0, 8);
  if (rows.length === 0) return null;
  return (
    <Table<ReturnSummary>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      data-testid="recent-returns"
      columns={[
        {
          title: t('tax.form.period'),
          render: (_, r) => (
            <Link to={`/companies/${companyId}/tax/returns/${r.id}`}>
              {t(`tax.taxes.${r.tax}`)} · {periodText(r.period, lang)}
            </Link>
          ),
        },
        {
          title: t('tax.ret.history'),
          render: (_, r) => (
            <Space size={4} wrap>
              <Tag>{t('tax.ret.version', { version: r.version })}</Tag>
              {r.zeroFiling && <Tag color="blue">{t('tax.ret.zero')}</Tag>}
              <Tag color={r.status === 'accepted' ? 'green' : 'default'}>
                {t(`tax.ret.steps.${r.status}`)}
              </Tag>
              {r.superseded && <Tag>{t('tax.ret.superseded')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('tax.form.total'),
          align: 'right',
          render: (_, r) => (r.totalPayable ? formatMoney(r.totalPayable) : '—'),
        },
        {
          title: t('tax.ret.submittedAt'),
          render: (_, r) => (r.submittedAt ? formatDateTime(r.submittedAt) : '—'),
        },
      ]}
    />
  );
};

/** Company home: what the company must file or pay, with days left, then its recent returns. */
export const CompanyTaxPanel = ({ company }: { company: CompanyDetail }) => {
  const { t } = useTranslation();
  const due = useCompanyDue(company.id);
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <Card
      data-testid="tax-panel"
      loading={due.isLoading}
      title={
        <Typography.Title
          level={2}
          style={{ margin: 0 }}
          ref={heading}
          tabIndex={-1}
          data-testid="tax-panel-title"
        >
          {t('tax.due.companyTitle')}
        </Typography.Title>
      }
      extra={<Link to="/tax/calendar">{t('tax.due.calendar')}</Link>}
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <DueList items={due.data?.items ?? []} showCompany={false} heading={heading} />
        <RecentReturns companyId={company.id} />
      </Space>
    </Card>
  );
};
