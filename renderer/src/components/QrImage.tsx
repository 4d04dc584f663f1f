import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The host of a link that only this computer can open, else undefined. */
export const loopbackHostOf = (value: string): string | undefined => {
  try {
    const host = new URL(value).hostname;
    return LOOPBACK.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
};

/** A QR code drawn in the browser from the URL (nothing sent anywhere), sharp on high-density screens. */
export const QrImage = ({
  value,
  alt,
  size = 180,
  testId,
}: {
  value: string;
  alt: string;
  size?: number;
  testId?: string;
}) => {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string>();
  const loopback = loopbackHostOf(value);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(value, { margin: 1, width: size * 2, errorCorrectionLevel: 'M' }).then(
      (url) => live && setSrc(url),
    );
    return () => {
      live = false;
    };
  }, [value, size]);
  // Reserve the space while drawing so the layout does not jump.
  const image = src ? (
    <img src={src} width={size} height={size} alt={alt} data-testid={testId} />
  ) : (
    <div style={{ width: size, height: size }} />
  );
  if (!loopback) return image;
  // A phone scanning this would get "cannot connect": say so, and how to fix it.
  return (
    <div>
      {image}
      <Alert
        type="warning"
        showIcon
        style={{ marginTop: 8, maxWidth: Math.max(size, 320) }}
        data-testid="loopback-warning"
        message={t('reach.loopback', { host: loopback })}
      />
    </div>
  );
};
