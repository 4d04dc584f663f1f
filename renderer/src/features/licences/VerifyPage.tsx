import { Alert, Button, Card, Descriptions, Divider, Input, Space, Spin, Typography, Upload } from 'antd';
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../components/useLang';
import type { SignedLicence } from '../../../../shared/licences/document';
import type { VerifyAnswer } from '../../../../shared/api/licences';
import { licenceApi, useIssuers } from './api';
import { VerdictAlert } from './bits';
import { verifyOffline } from './OfflineVerify';

type Input = { kind: 'qr'; qr: string } | { kind: 'file'; licence: SignedLicence };

/** Only a document whose seal checked out states facts; a tampered or unsigned one states nothing. */
const SEAL_HELD: ReadonlySet<VerifyAnswer['verdict']> = new Set([
  'valid',
  'expired',
  'not-yet-valid',
  'revoked',
]);

export const Facts = ({ answer }: { answer: VerifyAnswer }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  if (!answer.identifier || !SEAL_HELD.has(answer.verdict)) return null;
  return (
    <Descriptions bordered column={1} size="small" data-testid="verify-facts">
      {answer.registry && (
        <Descriptions.Item label={t('licences.verify.type')}>
          {loc(answer.registry.typeName)}
        </Descriptions.Item>
      )}
      {answer.registry && (
        <Descriptions.Item label={t('licences.verify.holder')}>
          {answer.registry.holderName}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('licences.verify.holderUscc')}>{answer.holderUscc}</Descriptions.Item>
      {answer.issuer?.name && (
        <Descriptions.Item label={t('licences.verify.issuer')}>{loc(answer.issuer.name)}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('licences.verify.identifier')}>
        <span style={{ wordBreak: 'break-all' }}>{answer.identifier}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('licences.verify.version')}>{answer.version}</Descriptions.Item>
      <Descriptions.Item label={t('licences.verify.validUntil')}>
        {answer.validUntil ?? t('licences.wallet.indefinite')}
      </Descriptions.Item>
    </Descriptions>
  );
};

/** A short verification URL (`…/v/<code>`, the printed QR) pasted or scanned: its code, else undefined. */
export const shortCodeOf = (text: string): string | undefined =>
  /\/v\/([A-Za-z0-9_-]{10,40})\/?$/.exec(text.trim())?.[1];

/**
 * The public verification page behind every licence QR code. The printed QR is short
 * (`/v/<code>`): the page fetches the signed seal for the code and checks it like the long form
 * (`/v/#1.<payload>`, the seal itself in the fragment, which never reaches a server log). The
 * signature is checked here with the published keys, then (when online) the registry is asked
 * about revocation.
 */
export const VerifyPage = () => {
  const { t } = useTranslation();
  const issuers = useIssuers();
  const { code } = useParams();
  const [input, setInput] = useState<Input | undefined>(() => {
    const hash = window.location.hash.slice(1);
    return hash ? { kind: 'qr', qr: hash } : undefined;
  });
  const [codeError, setCodeError] = useState(false);
  /** A short code (from the URL or pasted) stands for the seal the registry holds for it. */
  const openCode = (c: string) => {
    setCodeError(false);
    licenceApi
      .byCode(c)
      .then((a) => setInput({ kind: 'qr', qr: a.qr }))
      .catch(() => setCodeError(true));
  };
  useEffect(() => {
    if (code && !window.location.hash) openCode(code);
  }, [code]);
  const [offline, setOffline] = useState<VerifyAnswer>();
  const [online, setOnline] = useState<VerifyAnswer | 'failed'>();
  const [paste, setPaste] = useState('');
  const [fileError, setFileError] = useState<string>();

  useEffect(() => {
    if (!input || !issuers.data) return;
    setOffline(verifyOffline(input.kind === 'qr' ? input.qr : input.licence, issuers.data.keys));
  }, [input, issuers.data]);
  useEffect(() => {
    if (!input) return;
    let live = true;
    setOnline(undefined);
    licenceApi
      .verifyOnline(input.kind === 'qr' ? { qr: input.qr } : { licence: input.licence })
      .then((a) => live && setOnline(a))
      .catch(() => live && setOnline('failed'));
    return () => {
      live = false;
    };
  }, [input]);

  const readFile = async (file: File) => {
    setFileError(undefined);
    try {
      setInput({ kind: 'file', licence: JSON.parse(await file.text()) as SignedLicence });
    } catch {
      setFileError(t('licences.verify.badFile'));
    }
  };

  return (
    <div style={{ maxWidth: 760, margin: '24px auto', padding: '0 16px' }}>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={1} className="st-h1" style={{ margin: 0 }}>
            <SafetyCertificateOutlined style={{ color: '#c8102e' }} aria-hidden />{' '}
            {t('licences.verify.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('licences.verify.intro')}</Typography.Paragraph>
          {!input && !code && <Alert type="info" showIcon message={t('licences.verify.noPayload')} />}
          {codeError && (
            <Alert
              type="error"
              showIcon
              message={t('licences.verify.codeUnknown')}
              data-testid="verify-code-error"
            />
          )}
          {issuers.data?.cached && (
            <Alert type="warning" showIcon message={t('licences.verify.keysCached')} />
          )}
          {issuers.error && <Alert type="error" showIcon message={t('licences.verify.keysMissing')} />}
          {input && !offline && issuers.isLoading && <Spin />}
          {offline && (
            <VerdictAlert answer={offline} title={t('licences.verify.offline')} testId="offline-result" />
          )}
          {input && online === undefined && (
            <Typography.Text type="secondary">{t('licences.verify.checking')}</Typography.Text>
          )}
          {online && online !== 'failed' && (
            <VerdictAlert answer={online} title={t('licences.verify.online')} testId="online-result" />
          )}
          {online && online !== 'failed' ? <Facts answer={online} /> : offline && <Facts answer={offline} />}
          <Divider />
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('licences.verify.manual')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('licences.verify.manualHint')}</Typography.Text>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={paste}
              onChange={(e) => setPaste(e.target.value)}
              placeholder={t('licences.verify.paste')}
              aria-label={t('licences.verify.paste')}
              data-testid="verify-paste"
            />
            <Button
              type="primary"
              disabled={!paste.trim()}
              onClick={() => {
                const short = shortCodeOf(paste);
                if (short) openCode(short);
                else setInput({ kind: 'qr', qr: paste.trim() });
              }}
              data-testid="verify-check"
            >
              {t('licences.verify.check')}
            </Button>
          </Space.Compact>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void readFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('licences.verify.file')}</Button>
          </Upload>
          {fileError && <Alert type="error" message={fileError} />}
        </Space>
      </Card>
    </div>
  );
};
