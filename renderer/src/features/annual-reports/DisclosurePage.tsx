import { Alert, Card, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatMoney } from '../../components/format';
import { useLocalized } from '../../components/useLang';
import { contributionFormLabels } from '../../../../shared/registration/application';
import {
  fieldRule,
  operatingStatusLabels,
  WITHHELD_LABEL,
  type AnnualReportContent,
  type OperatingStatus,
  type ReportField,
} from '../../../../shared/lifecycle/annual-report-fields';
import type {
  DisclosedReport,
  DisclosureRecord,
  DisclosureSection,
} from '../../../../shared/api/annual-reports';
import { useDisclosure } from './api';
import { DisclosedChanges, ReductionNotices } from '../changes/DisclosureSections';
import { PublicDeregistrationNotice } from '../deregistration/PublicNotice';

const MONEY = new Set<ReportField>([
  'totalAssets',
  'totalLiabilities',
  'guaranteesGiven',
  'ownersEquity',
  'totalRevenue',
  'mainBusinessRevenue',
  'totalProfit',
  'netProfit',
  'totalTaxPaid',
]);

/** One published item as text; lists and records in a compact form. */
const ItemValue = ({ field, value }: { field: ReportField; value: unknown }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  if (MONEY.has(field)) return <>{formatMoney(String(value))}</>;
  if (field === 'operatingStatus') return <>{loc(operatingStatusLabels[value as OperatingStatus])}</>;
  if (field === 'shareholders') {
    const rows = value as AnnualReportContent['shareholders'];
    if (rows.length === 0) return <>{t('annual.none')}</>;
    return (
      <Table
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={rows}
        columns={[
          { title: t('annual.shareholder'), dataIndex: 'name' },
          { title: t('annual.subscribed'), render: (_, r) => formatMoney(r.subscribed.amount) },
          { title: t('annual.subscribedDate'), render: (_, r) => r.subscribed.date ?? '—' },
          {
            title: t('annual.paid'),
            render: (_, r) => `${formatMoney(r.paid.amount)}（${loc(contributionFormLabels[r.paid.form])}）`,
          },
          { title: t('annual.paidDate'), render: (_, r) => r.paid.date ?? '—' },
        ]}
      />
    );
  }
  if (field === 'socialInsurance') {
    const si = value as AnnualReportContent['socialInsurance'];
    return (
      <>
        {(['pension', 'unemployment', 'medical', 'workInjury', 'maternity'] as const)
          .map((k) => `${t(`annual.${k}`)} ${si[k]}`)
          .join('；')}
      </>
    );
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <>{t('annual.none')}</>;
    return <>{value.map((v) => Object.values(v as Record<string, unknown>).join(' ')).join('；')}</>;
  }
  return <>{String(value)}</>;
};

const ReportCard = ({ report }: { report: DisclosedReport }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <Card
      size="small"
      data-testid={`gs-report-${report.reportYear}-v${report.version}`}
      title={
        <Space wrap>
          <span>{t('annual.formTitle', { year: report.reportYear })}</span>
          <Tag>{t('annual.version', { version: report.version })}</Tag>
          {report.late && <Tag color="orange">{t('annual.late')}</Tag>}
          {report.superseded && <Tag>{t('annual.superseded')}</Tag>}
        </Space>
      }
      extra={t('annual.disclosure.filedAt', { date: formatDateTime(report.filedAt) })}
    >
      {report.correctionNote && (
        <Alert type="info" message={report.correctionNote} style={{ marginBottom: 8 }} />
      )}
      <Descriptions bordered size="small" column={1}>
        {report.items.map((i) => {
          const field = i.key as ReportField;
          return (
            <Descriptions.Item key={i.key} label={loc(fieldRule(field).label)}>
              <span data-testid={`gs-item-${i.key}`}>
                {i.published ? <ItemValue field={field} value={i.value} /> : loc(WITHHELD_LABEL)}
              </span>
            </Descriptions.Item>
          );
        })}
      </Descriptions>
    </Card>
  );
};

/** Each section kind renders here; lifecycle sections (changes, notices, …) add a case. */
const Section = ({ section }: { section: DisclosureSection }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  switch (section.kind) {
    case 'annual-reports':
      return (
        <Card title={t('annual.disclosure.reports')} data-testid="gs-reports">
          {section.reports.length === 0 ? (
            <Empty description={t('annual.disclosure.noReports')} />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {section.reports.map((r) => (
                <ReportCard key={`${r.reportYear}-${r.version}`} report={r} />
              ))}
            </Space>
          )}
        </Card>
      );
    case 'abnormal-list':
      return (
        <Card title={t('annual.disclosure.abnormal')} data-testid="gs-abnormal">
          {section.entries.length === 0 ? (
            t('annual.disclosure.notListed')
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey="reportYear"
              dataSource={section.entries}
              columns={[
                { title: t('annual.disclosure.listedOn'), dataIndex: 'listedOn' },
                { title: t('annual.disclosure.reason'), render: (_, e) => loc(e.reason) },
                { title: t('annual.disclosure.removedOn'), render: (_, e) => e.removedOn ?? '—' },
              ]}
            />
          )}
        </Card>
      );
    case 'changes':
      return <DisclosedChanges section={section} />;
    case 'capital-reduction-notices':
      return <ReductionNotices section={section} />;
  }
};

const Registration = ({ r }: { r: DisclosureRecord }) => {
  const { t } = useTranslation();
  return (
    <Card title={t('annual.disclosure.registration')}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="gs-registration">
        <Descriptions.Item label={t('annual.disclosure.uscc')}>{r.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('annual.disclosure.name')}>{r.name}</Descriptions.Item>
        <Descriptions.Item label={t('annual.disclosure.type')}>
          {t(`annual.companyType.${r.type}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('annual.disclosure.legalRep')}>{r.legalRepresentative}</Descriptions.Item>
        <Descriptions.Item label={t('annual.disclosure.capital')}>
          {formatMoney(r.registeredCapital)}
        </Descriptions.Item>
        <Descriptions.Item label={t('annual.disclosure.established')}>{r.establishedOn}</Descriptions.Item>
        <Descriptions.Item label={t('annual.disclosure.authority')}>
          {r.registrationAuthority}
        </Descriptions.Item>
        <Descriptions.Item label={t('annual.disclosure.status')}>
          {t(`annual.companyStatus.${r.status}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('annual.disclosure.address')} span={2}>
          {r.address}
        </Descriptions.Item>
        <Descriptions.Item label={t('annual.disclosure.scope')} span={2}>
          {r.businessScope.join('；')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
};

/** The public disclosure page `/gs/<uscc>` (国家企业信用信息公示系统 stand-in): no sign-in. */
export const DisclosurePage = () => {
  const { t } = useTranslation();
  const { uscc = '' } = useParams();
  const q = useDisclosure(uscc);
  return (
    <div style={{ maxWidth: 960, margin: '24px auto', padding: '0 16px' }}>
      <PageTitle title={q.data?.name ?? t('annual.disclosure.title')} testId="gs-title" />
      <Typography.Paragraph type="secondary">{t('annual.disclosure.subtitle')}</Typography.Paragraph>
      {q.isLoading && <Spin />}
      <ErrorAlert error={q.error} testId="gs-error" />
      {q.data && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Registration r={q.data} />
          <PublicDeregistrationNotice uscc={uscc} />
          {q.data.sections.map((s) => (
            <Section key={s.kind} section={s} />
          ))}
        </Space>
      )}
    </div>
  );
};
