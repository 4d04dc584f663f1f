import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../components/useLang';
import { formatMoney } from '../../components/format';
import type { InvoiceImportReport } from '../../../../shared/api/tax';
import type { InvoiceSummary, InvoiceTotal } from '../../../../shared/tax/invoices';
import { taxApi } from './api';
import { InvoiceLinesTable } from './InvoiceLinesTable';

const readBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

type Props = {
  companyId: string;
  periodKey: string;
  summary: InvoiceSummary | null;
  canImport: boolean;
  onImported: () => void;
  onApply: (() => void) | null;
};

/** Import the 数电票 export, see the per-row report, the totals by rate and type, and every line. */
export const InvoicePanel = ({ companyId, periodKey, summary, canImport, onImported, onApply }: Props) => {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<InvoiceImportReport | null>(null);
  const [showLines, setShowLines] = useState(false);

  const upload = async (file: File): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setReport(await taxApi.importInvoices(companyId, file.name, await readBase64(file)));
      onImported();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const unmapped = summary ? [...summary.smallScale.unmapped] : [];
  return (
    <Card size="small" title={t('tax.invoices.title')} data-testid="invoice-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('tax.invoices.hint')}</Typography.Text>
        {canImport ? (
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={busy} data-testid="invoice-upload">
              {busy ? t('tax.invoices.uploading') : t('tax.invoices.upload')}
            </Button>
          </Upload>
        ) : (
          <Alert type="info" showIcon message={t('tax.invoices.needScope')} />
        )}
        {error && <Alert type="error" showIcon message={error} role="alert" data-testid="invoice-error" />}
        {report && (
          <Alert
            type={report.rejected.length > 0 ? 'warning' : 'success'}
            showIcon
            data-testid="invoice-report"
            message={t('tax.invoices.report', {
              rows: report.rowCount,
              imported: report.importedCount,
              existing: report.alreadyOnFile,
              rejected: report.rejected.length,
              excluded: report.excluded.length,
            })}
            description={
              report.removedCount > 0 ? t('tax.invoices.removed', { count: report.removedCount }) : undefined
            }
          />
        )}
        {report && report.rejected.length > 0 && (
          <Table
            size="small"
            rowKey={(r) => `${r.row}-${r.code}`}
            dataSource={report.rejected}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            caption={t('tax.invoices.rejected')}
            columns={[
              { title: t('tax.invoices.row'), dataIndex: 'row', width: 70 },
              { title: t('tax.invoices.field'), dataIndex: 'field', width: 140 },
              { title: t('tax.invoices.reason'), render: (_, r) => localized(r.message) },
            ]}
          />
        )}
        {report && onApply && (
          <Alert
            type="info"
            message={t('tax.invoices.afterImport')}
            action={<Button onClick={onApply}>{t('tax.invoices.reload')}</Button>}
          />
        )}
        {summary && (
          <>
            <Typography.Text strong>{t('tax.invoices.totals')}</Typography.Text>
            <Table<InvoiceTotal>
              size="small"
              rowKey={(r) => `${r.direction}-${r.rate}-${r.kind}`}
              dataSource={summary.totals}
              pagination={false}
              data-testid="invoice-totals"
              columns={[
                { title: '', render: (_, r) => t(`tax.invoices.direction.${r.direction}`) },
                {
                  title: t('tax.invoices.rate'),
                  render: (_, r) =>
                    r.rate === 'exempt' || r.rate === 'non-taxable'
                      ? t(`tax.invoices.${r.rate}`)
                      : `${r.rate}%`,
                },
                { title: '', render: (_, r) => t(`tax.invoices.kind.${r.kind}`) },
                { title: t('tax.invoices.amount'), align: 'right', render: (_, r) => formatMoney(r.amount) },
                { title: t('tax.invoices.tax'), align: 'right', render: (_, r) => formatMoney(r.tax) },
                { title: t('tax.invoices.lines'), align: 'right', dataIndex: 'lineCount' },
              ]}
            />
            {[...unmapped, ...summary.warnings.map((w) => ({ reason: w.text }))].map((u, i) => (
              <Alert key={i} type="warning" showIcon message={localized(u.reason)} />
            ))}
            <Button type="link" onClick={() => setShowLines(!showLines)} data-testid="review-lines">
              {t('tax.invoices.reviewLines')}
            </Button>
            {showLines && <InvoiceLinesTable companyId={companyId} periodKey={periodKey} />}
          </>
        )}
      </Space>
    </Card>
  );
};
