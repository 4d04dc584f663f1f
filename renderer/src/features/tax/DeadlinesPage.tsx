import { Alert, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLocalized } from '../../components/useLang';
import { QueryError } from '../../components/QueryError';
import type { MonthlyDeadline } from '../../../../shared/calendar/deadlines';
import { useDeadlines } from './api';
import { chinaYear } from '../../../../shared/time/china';

const thisYear = (): number => chinaYear();

/** The filing calendar of a year, with a visible "not yet published" state for estimated years. */
export const DeadlinesPage = () => {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [params, setParams] = useSearchParams();
  const current = thisYear();
  const year = Number(params.get('year') ?? current) || current;
  const years = Array.from({ length: 4 }, (_, i) => current - 2 + i);
  const deadlines = useDeadlines(year);
  if (deadlines.error) return <QueryError error={deadlines.error} />;
  const d = deadlines.data;
  return (
    <Card
      title={
        <Typography.Title level={1} className="st-h1" style={{ margin: 0 }}>
          {t('tax.calendar.title')}
        </Typography.Title>
      }
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap>
          <span id="tax-year-label">{t('tax.calendar.year')}</span>
          <Segmented
            aria-labelledby="tax-year-label"
            options={years.map((y) => ({ label: String(y), value: y }))}
            value={year}
            onChange={(y) => setParams({ year: String(y) })}
            data-testid="calendar-year"
          />
          {d && (
            <Tag color={d.published ? 'green' : 'purple'} data-testid="calendar-source">
              {d.published
                ? t('tax.calendar.source.official')
                : `${t('tax.calendar.unpublished')} · ${t(`tax.calendar.source.${d.source}`)}`}
            </Tag>
          )}
        </Space>
        {d?.warning && (
          <Alert
            type="warning"
            showIcon
            message={t('tax.calendar.unpublished')}
            description={localized(d.warning)}
            data-testid="calendar-warning"
          />
        )}
        <Table<MonthlyDeadline>
          rowKey="month"
          loading={deadlines.isLoading}
          pagination={false}
          dataSource={d?.deadlines ?? []}
          size="middle"
          columns={[
            {
              title: t('tax.calendar.month'),
              render: (_, r) => t('tax.calendar.monthLabel', { month: r.month }),
            },
            {
              title: t('tax.calendar.date'),
              render: (_, r) => (
                <Space>
                  <strong>{r.date}</strong>
                  {d && !d.published && <Tag color="purple">{t('tax.due.unpublished')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary">{t('tax.calendar.note')}</Typography.Paragraph>
      </Space>
    </Card>
  );
};
