import { Alert, App, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../components/useLang';
import type { ImportReport, ImportReportRow } from '../../../../shared/api/firms';
import { firmApi } from './api';
import { errorText } from './bits';

const toBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

const COLOR = { add: 'green', update: 'blue', error: 'red' } as const;

/** Client import: check the sheet (a per-row report, nothing stored), then import the valid rows. */
export const ImportDialog = ({
  firmId,
  onClose,
  onDone,
}: {
  firmId: string;
  onClose: () => void;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const l = useLocalized();
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    firmApi
      .importClients(firmId, { fileName: file.name, contentBase64: file.base64, dryRun })
      .then((r) => {
        if (dryRun) return setReport(r);
        void message.success(t('firms.import.done', { added: r.added, updated: r.updated }));
        onDone();
        onClose();
      })
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setBusy(false));
  };
  const valid = report ? report.added + report.updated : 0;
  const rows = report
    ? [...report.rows].sort(
        (a, b) => Number(b.outcome === 'error') - Number(a.outcome === 'error') || a.row - b.row,
      )
    : [];

  return (
    <Modal
      open
      width={900}
      title={t('firms.import.title')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="check"
          onClick={() => send(true)}
          disabled={!file}
          loading={busy && !report}
          data-testid="import-check"
        >
          {t('firms.import.check')}
        </Button>,
        <Button
          key="run"
          type="primary"
          onClick={() => send(false)}
          disabled={!report || valid === 0}
          loading={busy && !!report}
          data-testid="import-run"
        >
          {t('firms.import.run', { count: valid })}
        </Button>,
      ]}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          {t('firms.import.hint')}{' '}
          <Button
            type="link"
            onClick={() => void firmApi.downloadImportTemplate(firmId, '客户导入模板.xlsx')}
          >
            {t('firms.import.template')}
          </Button>
        </Typography.Paragraph>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            void toBase64(f).then((base64) => {
              setFile({ name: f.name, base64 });
              setReport(null);
            });
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setReport(null);
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} data-testid="import-file">
            {t('firms.import.file')}
          </Button>
        </Upload>
        {error && <Alert type="error" showIcon message={error} />}
        {report && (
          <>
            <Alert
              type={report.errors ? 'warning' : 'success'}
              showIcon
              message={t('firms.import.summary', report)}
              data-testid="import-summary"
            />
            <Table<ImportReportRow>
              virtual
              size="small"
              rowKey="row"
              pagination={false}
              scroll={{ y: 320 }}
              dataSource={rows}
              columns={[
                { key: 'row', title: t('firms.import.row'), width: 60, render: (_, r) => r.row },
                {
                  key: 'outcome',
                  title: t('firms.batch.result'),
                  width: 90,
                  render: (_, r) => (
                    <Tag color={COLOR[r.outcome]}>{t(`firms.import.outcome.${r.outcome}`)}</Tag>
                  ),
                },
                { key: 'uscc', title: t('firms.roster.columns.uscc'), width: 190, render: (_, r) => r.uscc },
                { key: 'name', title: t('firms.roster.columns.name'), width: 220, render: (_, r) => r.name },
                {
                  key: 'message',
                  title: t('firms.zero.reason'),
                  render: (_, r) => (r.message ? l(r.message) : ''),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
};
