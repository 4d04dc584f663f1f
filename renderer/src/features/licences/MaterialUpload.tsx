import { App, Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_MAX_BYTES, UploadMimeType, type UploadView } from '../../../../shared/api/licences';
import { licenceApi } from './api';
import { formatBytes } from './bits';

const readBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** Uploads one non-licence material at once (checked again by the server by content and size). */
export const MaterialUpload = ({
  companyId,
  materialKey,
  value,
  onUploaded,
  disabled,
}: {
  companyId: string;
  materialKey: string;
  value: UploadView | undefined;
  onUploaded: (u: UploadView) => void;
  disabled: boolean;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const handle = async (file: File) => {
    const mime = UploadMimeType.safeParse(file.type);
    if (!mime.success) return void message.error(t('licences.apply.badType'));
    if (file.size > UPLOAD_MAX_BYTES) return void message.error(t('licences.apply.tooLarge'));
    setBusy(true);
    try {
      onUploaded(
        await licenceApi.upload(companyId, {
          materialKey,
          fileName: file.name,
          mimeType: mime.data,
          contentBase64: await readBase64(file),
        }),
      );
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" size={2} data-testid={`upload-${materialKey}`}>
      <Upload
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        showUploadList={false}
        disabled={disabled || busy}
        beforeUpload={(file) => {
          void handle(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={busy} disabled={disabled}>
          {t('licences.apply.uploadButton')}
        </Button>
      </Upload>
      {value ? (
        <Typography.Text type="success" data-testid="uploaded">
          {t('licences.apply.uploaded', { name: value.fileName, size: formatBytes(value.size) })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('licences.apply.uploadHint')}</Typography.Text>
      )}
    </Space>
  );
};
