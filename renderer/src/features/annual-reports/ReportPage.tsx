import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { Alert, Button, Card, List, Result, Space, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../components/format';
import { useLocalized } from '../../components/useLang';
import type {
  AnnualReportFiled,
  AnnualReportPrefill,
  AnnualReportVersionView,
} from '../../../../shared/api/annual-reports';
import type { Withholdable } from '../../../../shared/lifecycle/annual-report-fields';
import { useAnnualOverview, useApplyRemoval, usePrefill } from './api';
import { DueText, yearToFile } from './bits';
import { ReportForm } from './ReportForm';

/** The form opened on a filed version, for a correction: every item as filed. */
const asPrefill = (r: AnnualReportVersionView): AnnualReportPrefill => ({
  reportYear: r.reportYear,
  late: r.late,
  content: r.content,
  sources: Object.fromEntries(Object.keys(r.content).map((k) => [k, 'previous-report' as const])),
  ask: [],
  withheld: r.withheld as Withholdable[],
  known: { socialInsuranceRegistration: null, licences: [], taxReturnsCounted: 0 },
});

/** A company's annual reports: what is due, the prefilled form, the filed versions, the abnormal list. */
export const ReportPage = () => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { companyId = '' } = useParams();
  const overview = useAnnualOverview(companyId);
  const year = overview.data ? yearToFile(overview.data.due) : null;
  const prefill = usePrefill(companyId, year);
  const removal = useApplyRemoval(companyId);
  const [filed, setFiled] = useState<AnnualReportFiled | null>(null);
  const [correcting, setCorrecting] = useState<AnnualReportVersionView | null>(null);
  if (overview.isLoading) return <Spin />;
  if (overview.error) return <QueryError error={overview.error} />;
  const o = overview.data!;
  const listedEntries = o.abnormalList.entries;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="annual-page">
      <PageTitle title={t('annual.title')} style={{ margin: 0 }} />
      {filed && (
        <div data-testid="annual-filed">
          <Result
            status="success"
            title={t('annual.submitted', { year: filed.reportYear })}
            extra={
              <Link to={filed.disclosurePath} data-testid="annual-disclosure-link">
                {t('annual.viewDisclosure')}
              </Link>
            }
          />
        </div>
      )}
      {listedEntries.length > 0 && (
        <Alert
          type={o.abnormalList.listed ? 'error' : 'info'}
          showIcon
          message={o.abnormalList.listed ? t('annual.listed') : t('annual.removalDone')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {listedEntries.map((e) => (
                <li key={e.reportYear}>
                  {t('annual.listedReason', { year: e.reportYear, reason: loc(e.reason), date: e.listedOn })}
                  {e.removedOn && ` · ${t('annual.removed', { date: e.removedOn })}`}
                </li>
              ))}
            </ul>
          }
          action={
            o.abnormalList.listed && (
              <Button
                onClick={() => removal.mutate()}
                loading={removal.isPending}
                data-testid="annual-removal"
              >
                {t('annual.applyRemoval')}
              </Button>
            )
          }
        />
      )}
      <ErrorAlert error={removal.error} />
      {!filed &&
        (o.due.missingYears.length === 0 ? (
          <Alert type="success" message={t('annual.nothingDue')} />
        ) : (
          <DueText due={o.due} />
        ))}
      {!filed && year !== null && prefill.isLoading && <Spin />}
      {!filed && <ErrorAlert error={prefill.error} testId="annual-prefill-error" />}
      {!filed && correcting && (
        <ReportForm
          key={`correct-${correcting.id}`}
          companyId={companyId}
          prefill={asPrefill(correcting)}
          correction
          onFiled={(f) => {
            setCorrecting(null);
            setFiled(f);
          }}
        />
      )}
      {!filed && !correcting && prefill.data && (
        <ReportForm
          companyId={companyId}
          prefill={prefill.data}
          onFiled={setFiled}
          key={prefill.data.reportYear}
        />
      )}
      {o.reports.length > 0 && (
        <Card title={t('annual.filedReports')}>
          <List
            dataSource={[...o.reports].reverse()}
            renderItem={(r) => (
              <List.Item key={r.id}>
                <Space wrap>
                  <strong>{r.reportYear}</strong>
                  <Tag>{t('annual.version', { version: r.version })}</Tag>
                  {r.late && <Tag color="orange">{t('annual.late')}</Tag>}
                  {r.supersededAt && <Tag>{t('annual.superseded')}</Tag>}
                  <span>{formatDateTime(r.filedAt)}</span>
                  {r.correctionNote && <span>{r.correctionNote}</span>}
                  {!r.supersededAt && o.correctable.includes(r.reportYear) && (
                    <Button
                      size="small"
                      data-testid={`annual-correct-${r.reportYear}`}
                      onClick={() => {
                        setFiled(null);
                        setCorrecting(r);
                      }}
                    >
                      {t('annual.correct')}
                    </Button>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
};
