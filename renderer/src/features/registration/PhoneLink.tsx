import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { QrImage } from '../../components/QrImage';

/** A confirmation link to open on a phone: QR code, the link itself (wrapping on narrow screens) and a copy button. */
export const PhoneLink = ({
  linkPath,
  title,
  hint,
  testId,
}: {
  linkPath: string;
  title?: string;
  hint: string;
  /** On the link text; the QR code gets `${testId}-qr`. */
  testId: string;
}) => {
  const { t } = useTranslation();
  const url = `${window.location.origin}${linkPath}`;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {title && (
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      )}
      {/* Side by side where there is room, the QR code above the link on a phone. */}
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 24 }}>
        <QrImage value={url} size={180} alt={t('registration.face.qr')} testId={`${testId}-qr`} />
        <Space direction="vertical" style={{ flex: '1 1 220px', minWidth: 0, maxWidth: 480 }}>
          <Typography.Paragraph style={{ margin: 0, fontSize: '1.05em' }}>{hint}</Typography.Paragraph>
          <Typography.Text code style={{ wordBreak: 'break-all' }} data-testid={testId}>
            {url}
          </Typography.Text>
          <CopyButton text={url} size="large" />
        </Space>
      </div>
    </Space>
  );
};
