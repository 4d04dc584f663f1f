import { Alert, Button, Checkbox, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client';
import { useLocalized } from '../../components/useLang';
import type {
  AnnualReportClients,
  AnnualReportReview,
  AnnualReportReviewRow,
} from '../../../../shared/api/firms';
import {
  reportFields,
  type AnnualReportContent,
  type ReportField,
} from '../../../../shared/lifecycle/annual-report-fields';
import { firmApi } from './api';
import { errorText } from './bits';

type Props = {
  firmId: string;
  today: string;
  selected: string[];
  onClose: () => void;
  onStarted: (batchId: string) => void;
};

/** Items a firm may declare as "none" in a batch (an empty list). */
const LISTS = new Set<ReportField>(['websites', 'investments', 'equityTransfers']);
const SI = ['pension', 'unemployment', 'medical', 'workInjury', 'maternity'] as const;
type Typed = Record<string, string | boolean>;

/** Whether every missing item of a row has been supplied (shareholders only on the single form). */
const isComplete = (row: AnnualReportReviewRow, typed: Typed | undefined): boolean =>
  row.missing.every((k) =>
    k === 'socialInsurance'
      ? SI.every((i) => String(typed?.[`si.${i}`] ?? '').trim() !== '')
      : LISTS.has(k as ReportField)
        ? typed?.[k] === true
        : k !== 'shareholders' && String(typed?.[k] ?? '').trim() !== '',
  );

/** What the firm typed for a row, as report items (the server checks every value). */
const suppliedOf = (row: AnnualReportReviewRow, typed: Typed = {}): Partial<AnnualReportContent> => {
  const out: Record<string, unknown> = {};
  for (const k of row.missing) {
    if (k === 'socialInsurance')
      out[k] = Object.fromEntries(SI.map((i) => [i, Number(String(typed[`si.${i}`] ?? '').trim())]));
    else if (LISTS.has(k as ReportField)) out[k] = [];
    else if (k === 'headcount') out[k] = Number(String(typed[k] ?? '').trim());
    else out[k] = String(typed[k] ?? '').trim();
  }
  return out as Partial<AnnualReportContent>;
};

/**
 * Batch annual reports: the clients with a report due, each with what the platform prefilled and
 * what the firm must supply; a client still missing an item cannot be ticked until completed.
 */
export const AnnualReportBatchDialog = ({ firmId, today, selected, onClose, onStarted }: Props) => {
  const { t } = useTranslation();
  const l = useLocalized();
  const reportYear = Number(today.slice(0, 4)) - 1;
  const [scope, setScope] = useState<'selected' | 'due'>(selected.length > 0 ? 'selected' : 'due');
  const [review, setReview] = useState<AnnualReportReview | null>(null);
  const [typed, setTyped] = useState<Record<string, Typed>>({});
  const [ticked, setTicked] = useState<string[]>([]);
  const [open, setOpen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per intent: a retried click returns the same batch instead of a second one.
  const [runKey] = useState(newIdempotencyKey);
  const clients: AnnualReportClients = scope === 'selected' ? { companyIds: selected } : { selector: 'due' };

  const load = () => {
    setBusy(true);
    setError(null);
    firmApi
      .reviewAnnual(firmId, reportYear, clients)
      .then((r) => {
        setReview(r);
        setTicked(r.rows.filter((x) => !x.code && x.missing.length === 0).map((x) => x.companyId));
      })
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setBusy(false));
  };
  const rows = review?.rows ?? [];
  const complete = (r: AnnualReportReviewRow) => !r.code && isComplete(r, typed[r.companyId]);
  const chosen = rows.filter((r) => ticked.includes(r.companyId) && complete(r));
  const run = () => {
    setBusy(true);
    setError(null);
    firmApi
      .startAnnual(
        firmId,
        reportYear,
        chosen.map((r) => ({ companyId: r.companyId, supplied: suppliedOf(r, typed[r.companyId]) })),
        runKey,
      )
      .then((b) => onStarted(b.id))
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setBusy(false));
  };
  const type = (companyId: string, key: string, value: string | boolean) =>
    setTyped((all) => ({ ...all, [companyId]: { ...all[companyId], [key]: value } }));
  const label = (k: string) => l(reportFields.find((f) => f.key === k)?.label ?? { zh: k, en: k });

  const supplyForm = (r: AnnualReportReviewRow) => (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`annual-supply-${r.uscc}`}>
      <Typography.Text type="secondary">
        {t('firms.annual.prefilled')}：{Object.keys(r.sources).map(label).join('、')}
      </Typography.Text>
      {r.missing.map((k) =>
        k === 'socialInsurance' ? (
          <Space key={k} wrap>
            <span>{label(k)}</span>
            {SI.map((i) => (
              <Input
                key={i}
                style={{ width: 140 }}
                addonBefore={t(`firms.annual.si.${i}`)}
                aria-label={`${label(k)} ${t(`firms.annual.si.${i}`)}`}
                value={String(typed[r.companyId]?.[`si.${i}`] ?? '')}
                onChange={(e) => type(r.companyId, `si.${i}`, e.target.value)}
                data-testid={`supply-si-${i}`}
              />
            ))}
          </Space>
        ) : LISTS.has(k as ReportField) ? (
          <Checkbox
            key={k}
            checked={typed[r.companyId]?.[k] === true}
            onChange={(e) => type(r.companyId, k, e.target.checked)}
            data-testid={`supply-${k}`}
          >
            {t('firms.annual.none', { item: label(k) })}
          </Checkbox>
        ) : k === 'shareholders' ? (
          <Alert key={k} type="warning" showIcon message={t('firms.annual.shareholdersSingle')} />
        ) : (
          <Input
            key={k}
            style={{ maxWidth: 420 }}
            addonBefore={label(k)}
            aria-label={label(k)}
            value={String(typed[r.companyId]?.[k] ?? '')}
            onChange={(e) => type(r.companyId, k, e.target.value)}
            data-testid={`supply-${k}`}
          />
        ),
      )}
    </Space>
  );

  const status = (r: AnnualReportReviewRow) => {
    if (r.code) return <Tag color="orange">{r.code}</Tag>;
    if (complete(r)) return <Tag color="green">{t('firms.annual.ready')}</Tag>;
    return (
      <Tag color="red">
        {t('firms.annual.missing', {
          count: r.missing.filter((k) => !isComplete({ ...r, missing: [k] }, typed[r.companyId])).length,
        })}
      </Tag>
    );
  };

  return (
    <Modal
      open
      width={1000}
      title={t('firms.annual.title', { year: reportYear })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="review"
          onClick={load}
          loading={busy && !review}
          disabled={scope === 'selected' && selected.length === 0}
          data-testid="annual-review"
        >
          {t('firms.annual.review')}
        </Button>,
        <Button
          key="run"
          type="primary"
          danger
          onClick={run}
          loading={busy && !!review}
          disabled={chosen.length === 0}
          data-testid="annual-run"
        >
          {t('firms.annual.run', { count: chosen.length })}
        </Button>,
      ]}
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Radio.Group
          value={scope}
          onChange={(e) => {
            setScope(e.target.value as 'selected' | 'due');
            setReview(null);
          }}
          options={[
            {
              value: 'selected',
              label: t('firms.zero.selected', { count: selected.length }),
              disabled: selected.length === 0,
            },
            { value: 'due', label: t('firms.annual.due', { year: reportYear }) },
          ]}
        />
        {error && <Alert type="error" showIcon message={error} data-testid="annual-error" />}
        {review && (
          <>
            <Alert
              type="info"
              showIcon
              data-testid="annual-summary"
              message={t('firms.annual.summary', {
                ready: review.readyCount,
                incomplete: review.incompleteCount,
                refused: review.rows.length - review.readyCount - review.incompleteCount,
              })}
              description={t('firms.annual.confirm', { year: reportYear })}
            />
            <Table<AnnualReportReviewRow>
              size="small"
              rowKey="companyId"
              pagination={false}
              scroll={{ y: 420 }}
              dataSource={rows}
              data-testid="annual-review-table"
              onRow={(r) => ({ 'data-testid': `annual-row-${r.uscc}` }) as React.HTMLAttributes<HTMLElement>}
              rowSelection={{
                selectedRowKeys: ticked,
                onChange: (keys) => setTicked(keys as string[]),
                getCheckboxProps: (r) => ({
                  disabled: !complete(r),
                  'aria-label': r.name,
                }),
              }}
              expandable={{
                expandedRowKeys: open,
                showExpandColumn: false,
                rowExpandable: (r) => !r.code,
                expandedRowRender: supplyForm,
              }}
              columns={[
                {
                  key: 'name',
                  title: t('firms.batch.client'),
                  width: 300,
                  render: (_, r) => (
                    <span>
                      {r.name}{' '}
                      <Typography.Text type="secondary" className="st-id">
                        {r.uscc}
                      </Typography.Text>
                    </span>
                  ),
                },
                { key: 'status', title: t('firms.batch.result'), width: 140, render: (_, r) => status(r) },
                {
                  key: 'detail',
                  title: t('firms.zero.reason'),
                  render: (_, r) =>
                    r.reason ? (
                      l(r.reason)
                    ) : (
                      <Space wrap>
                        <span>
                          {t('firms.annual.prefilledCount', { count: Object.keys(r.sources).length })}
                        </span>
                        {r.daysLeft !== null && (
                          <span>{t('firms.annual.daysLeft', { count: r.daysLeft })}</span>
                        )}
                        {r.missing.length > 0 && (
                          <Button
                            size="small"
                            onClick={() =>
                              setOpen((o) =>
                                o.includes(r.companyId)
                                  ? o.filter((x) => x !== r.companyId)
                                  : [...o, r.companyId],
                              )
                            }
                            data-testid={`annual-expand-${r.uscc}`}
                          >
                            {t('firms.annual.supply')}
                          </Button>
                        )}
                      </Space>
                    ),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
};
