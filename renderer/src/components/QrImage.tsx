import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

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
  const [src, setSrc] = useState<string>();
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
  return src ? (
    <img src={src} width={size} height={size} alt={alt} data-testid={testId} />
  ) : (
    <div style={{ width: size, height: size }} />
  );
};
