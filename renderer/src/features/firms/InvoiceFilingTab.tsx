import { useEffect, useState } from 'react';
import { Alert, Button, Input, Radio, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, newIdempotencyKey } from '../../api/client';
import { useLocalized } from '../../components/useLang';
import { firmsInvoicesApi } from '../../../../shared/api/contracts/firms-invoices';
import type {
  InvoiceBundleReport,
  InvoiceReview,
  InvoiceReviewRow,
  PreflightOverride,
} from '../../../../shared/api/firms';
import { errorText } from './bits';
import { useRoster } from './api';

const toBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** Name and USCC together, always: nobody files for the wrong company. */
const Identity = ({ name, uscc }: { name: string; uscc: string }) => (
  <Space direction="vertical" size={0}>
    <Typography.Text strong>{name}</Typography.Text>
    <Typography.Text type="secondary" className="st-id">
      {uscc}
    </Typography.Text>
  </Space>
);

/**
 * 按发票申报: import many clients' 数电票 exports at once, review the small-scale VAT + surcharges
 * returns prepared from them with the pre-flight findings, override a finding with a note, and
 * file the ticked clients as a batch (progress on the batch page).
 */
export const InvoiceFilingTab = ({ firmId }: { firmId: string }) => {
  const { t } = useTranslation();
  const l = useLocalized();
  const navigate = useNavigate();
  // The periods are the platform's (its clock decides what has ended), as in the roster and the
  // zero-filing dialog, not the browser's own date.
  const periods = useRoster(firmId).data?.periods ?? { quarter: '', month: '' };
  const [periodKey, setPeriodKey] = useState(periods.quarter);
  useEffect(() => {
    if (!periodKey && periods.quarter) setPeriodKey(periods.quarter);
  }, [periodKey, periods.quarter]);
  const [report, setReport] = useState<InvoiceBundleReport | null>(null);
  const [review, setReview] = useState<InvoiceReview | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileKey] = useState(newIdempotencyKey);

  const overrides = (rows: InvoiceReviewRow[]): PreflightOverride[] =>
    rows.flatMap((r) =>
      (notes[r.companyId] ?? '').trim().length >= 2
        ? r.checks
            .filter((c) => c.overridable)
            .map((c) => ({ companyId: r.companyId, code: c.code, note: notes[r.companyId]!.trim() }))
        : [],
    );

  const guard = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const upload = (file: File) =>
    guard(async () => {
      const contentBase64 = await toBase64(file);
      const r = await api.call(firmsInvoicesApi.importBundle, {
        params: { firmId },
        body: { fileName: file.name, contentBase64 },
        idempotencyKey: newIdempotencyKey(),
      });
      setReport(r);
      setReview(null);
    });

  const check = (ids: string[]) =>
    guard(async () => {
      const r = await api.call(firmsInvoicesApi.review, {
        params: { firmId },
        body: { periodKey, companyIds: ids, overrides: review ? overrides(review.rows) : [] },
      });
      setReview(r);
      setTicked(r.rows.filter((x) => x.eligible).map((x) => x.companyId));
    });

  const file = () =>
    guard(async () => {
      if (!review) return;
      const rows = review.rows.filter((r) => ticked.includes(r.companyId) && r.totalPayable);
      const batch = await api.call(firmsInvoicesApi.file, {
        params: { firmId },
        body: {
          periodKey,
          items: rows.map((r) => ({ companyId: r.companyId, confirmedTotal: r.totalPayable! })),
          overrides: overrides(rows),
        },
        idempotencyKey: fileKey,
      });
      navigate(`/firm/${firmId}/batches/${batch.id}`);
    });

  const imported = report?.clients.filter((c) => !c.error).map((c) => c.companyId) ?? [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="invoice-filing">
      <Typography.Paragraph type="secondary">{t('firms.invoices.hint')}</Typography.Paragraph>
      <Space wrap>
        <Typography.Text strong>{t('firms.zero.period')}</Typography.Text>
        {/* Until the roster answers there are no periods: no empty choices to click meanwhile. */}
        {periods.quarter && (
          <Radio.Group
            value={periodKey}
            onChange={(e) => {
              setPeriodKey(e.target.value as string);
              setReview(null);
            }}
            options={[
              { value: periods.quarter, label: t('firms.zero.quarter', { key: periods.quarter }) },
              { value: periods.month, label: t('firms.zero.month', { key: periods.month }) },
            ]}
          />
        )}
      </Space>
      <Upload
        accept=".zip,.xlsx,.csv"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          void upload(f);
          return false;
        }}
      >
        <Button
          icon={<UploadOutlined aria-hidden />}
          loading={busy && !report}
          data-testid="invoice-bundle-upload"
        >
          {t('firms.invoices.upload')}
        </Button>
      </Upload>
      {error && <Alert type="error" showIcon message={error} data-testid="invoice-error" />}
      {report && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            data-testid="invoice-import-summary"
            message={t('firms.invoices.imported', { files: report.files, clients: report.clients.length })}
          />
          <Table
            size="small"
            rowKey="companyId"
            pagination={false}
            dataSource={report.clients}
            data-testid="invoice-import-table"
            columns={[
              {
                key: 'client',
                title: t('firms.batch.client'),
                render: (_, c) => <Identity name={c.name} uscc={c.uscc} />,
              },
              { key: 'files', title: t('firms.invoices.files'), render: (_, c) => c.files.join('、') },
              { key: 'n', title: t('firms.invoices.lines'), dataIndex: 'imported' },
              {
                key: 'rejected',
                title: t('firms.invoices.rejected'),
                render: (_, c) =>
                  c.error ? (
                    <Tag color="red">{l(c.error.reason)}</Tag>
                  ) : c.rejected.length ? (
                    <Tooltip
                      title={c.rejected
                        .slice(0, 5)
                        .map((r) => `${r.row}: ${l(r.message)}`)
                        .join('；')}
                    >
                      <Tag color="orange">{c.rejected.length}</Tag>
                    </Tooltip>
                  ) : (
                    0
                  ),
              },
            ]}
          />
          {report.unmatched.map((u) => (
            <Alert
              key={`${u.fileName}-${u.code}`}
              type="warning"
              showIcon
              message={`${u.fileName}：${l(u.reason)}`}
            />
          ))}
          <Button
            type="primary"
            disabled={imported.length === 0}
            loading={busy && !!report && !review}
            onClick={() => void check(imported)}
            data-testid="invoice-review"
          >
            {t('firms.invoices.review', { count: imported.length })}
          </Button>
        </Space>
      )}
      {review && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="warning"
            showIcon
            data-testid="invoice-identity-banner"
            message={t('firms.invoices.banner', { count: ticked.length, period: l(review.periodLabel) })}
            description={review.rows
              .filter((r) => ticked.includes(r.companyId))
              .map((r) => `${r.name}（${r.uscc}）`)
              .join('；')}
          />
          <Table<InvoiceReviewRow>
            size="small"
            rowKey="companyId"
            pagination={false}
            dataSource={review.rows}
            data-testid="invoice-review-table"
            rowSelection={{
              selectedRowKeys: ticked,
              onChange: (keys) => setTicked(keys.map(String)),
              getCheckboxProps: (r) => ({ disabled: !r.eligible }),
            }}
            columns={[
              {
                key: 'client',
                title: t('firms.batch.client'),
                render: (_, r) => <Identity name={r.name} uscc={r.uscc} />,
              },
              {
                key: 'sales',
                title: t('firms.invoices.sales'),
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    <span>{r.salesTotal ?? '—'}</span>
                    {Object.entries(r.sales).map(([k, v]) => (
                      <Typography.Text key={k} type="secondary" style={{ fontSize: 12 }}>
                        {t(`firms.invoices.rate.${k}`, { defaultValue: k })} {v}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              },
              { key: 'vat', title: t('firms.invoices.vat'), render: (_, r) => r.vat ?? '—' },
              { key: 'sur', title: t('firms.invoices.surcharges'), render: (_, r) => r.surcharges ?? '—' },
              { key: 'total', title: t('firms.invoices.total'), render: (_, r) => r.totalPayable ?? '—' },
              {
                key: 'change',
                title: t('firms.invoices.change'),
                render: (_, r) => (r.change ? `×${r.change}` : '—'),
              },
              {
                key: 'reliefs',
                title: t('firms.invoices.reliefs'),
                render: (_, r) => r.reliefs.map((x) => l(x)).join('；'),
              },
              {
                key: 'flags',
                title: t('firms.invoices.flags'),
                render: (_, r) => (
                  <Space direction="vertical" size={4} data-testid="invoice-flags">
                    {r.code && !r.checks.some((c) => c.code === r.code) && r.reason && (
                      <Tag color="red">{l(r.reason)}</Tag>
                    )}
                    {r.checks.map((c) => (
                      <Tag key={c.code} color={c.overridden ? 'default' : c.overridable ? 'orange' : 'red'}>
                        {l(c.reason)}
                        {c.overridden ? `（${t('firms.invoices.overridden')}）` : ''}
                      </Tag>
                    ))}
                    {r.checks.some((c) => c.overridable && !c.overridden) && (
                      <Input
                        size="small"
                        placeholder={t('firms.invoices.note')}
                        aria-label={t('firms.invoices.note')}
                        value={notes[r.companyId] ?? ''}
                        onChange={(e) => setNotes((n) => ({ ...n, [r.companyId]: e.target.value }))}
                        data-testid="invoice-override-note"
                      />
                    )}
                  </Space>
                ),
              },
              {
                key: 'open',
                title: '',
                render: (_, r) => (
                  <Link to={`/companies/${r.companyId}/tax/file/vat-small-scale/${review.periodKey}`}>
                    {t('firms.invoices.open')}
                  </Link>
                ),
              },
            ]}
          />
          <Space>
            <Button
              onClick={() => void check(review.rows.map((r) => r.companyId))}
              loading={busy}
              data-testid="invoice-recheck"
            >
              {t('firms.invoices.recheck')}
            </Button>
            <Button
              type="primary"
              danger
              disabled={ticked.length === 0}
              loading={busy}
              onClick={() => void file()}
              data-testid="invoice-file"
            >
              {t('firms.invoices.file', { count: ticked.length })}
            </Button>
          </Space>
        </Space>
      )}
    </Space>
  );
};
