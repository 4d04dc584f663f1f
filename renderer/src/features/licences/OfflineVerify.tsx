import { Alert, Button, Space } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedLicence } from '../../../../shared/licences/document';
import { verifyLicence } from '../../../../shared/licences/verify';
import type { VerifyAnswer } from '../../../../shared/api/licences';
import { useIssuers } from './api';
import { VerdictAlert } from './bits';

/** The app's own check of a licence with the published keys; no server round trip for the signature. */
export const verifyOffline = (input: SignedLicence | string, keys: VerifyAnswerKeys): VerifyAnswer => {
  const r = verifyLicence(input, { issuers: keys, revoked: () => undefined, now: new Date().toISOString() });
  return {
    verdict: r.verdict,
    reasons: r.reasons,
    revocationChecked: r.revocationChecked,
    ...(r.seal
      ? { identifier: r.seal.id, version: r.seal.v, holderUscc: r.seal.h, validUntil: r.seal.u }
      : {}),
    ...(r.issuer ? { issuer: r.issuer } : {}),
    ...(r.state ? { state: r.state } : {}),
  };
};
export type VerifyAnswerKeys = { keyId: string; issuerKey: string; publicKeyHex: string }[];

export const OfflineVerifyButton = ({ signed }: { signed: SignedLicence }) => {
  const { t } = useTranslation();
  const issuers = useIssuers();
  const [answer, setAnswer] = useState<VerifyAnswer>();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button
        icon={<SafetyOutlined aria-hidden />}
        loading={issuers.isLoading}
        disabled={!issuers.data}
        data-testid="verify-offline"
        onClick={() => issuers.data && setAnswer(verifyOffline(signed, issuers.data.keys))}
      >
        {t('licences.detail.verify')}
      </Button>
      {issuers.error && <Alert type="error" message={t('licences.verify.keysMissing')} />}
      {answer && (
        <VerdictAlert answer={answer} title={t('licences.verify.offline')} testId="offline-result" />
      )}
    </Space>
  );
};
