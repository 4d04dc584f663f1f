import { Alert, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../components/format';
import { QrImage } from '../../components/QrImage';
import { useLocalized } from '../../components/useLang';
import { useSharedLicence } from './api';
import { useFieldRows, VerdictAlert, validityText } from './bits';
import type { SharedLicenceView } from '../../../../shared/api/licences';

const Shown = ({ s }: { s: SharedLicenceView }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const rows = useFieldRows(s.signed);
  const doc = s.signed.document;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} className="st-h1" style={{ margin: 0 }} data-testid="shared-title">
        {loc(s.typeName)}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        message={t('licences.shared.grantedTo', { recipient: s.recipient, purpose: s.purpose })}
        description={t('licences.shared.until', { date: formatDateTime(s.expiresAt) })}
      />
      <VerdictAlert answer={s.verification} title={t('licences.verify.online')} testId="shared-verdict" />
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label={t('licences.detail.holder')}>
          {s.holderName}（{doc.holder.uscc}）
        </Descriptions.Item>
        <Descriptions.Item label={t('licences.wallet.issuer')}>{doc.issuer.name}</Descriptions.Item>
        <Descriptions.Item label={t('licences.wallet.validity')}>
          {validityText(doc.validFrom, doc.validUntil, t('licences.wallet.indefinite'))}
        </Descriptions.Item>
        {rows.map(([label, value]) => (
          <Descriptions.Item key={label} label={label}>
            {value}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('licences.detail.identifier')}>
          <span style={{ wordBreak: 'break-all' }}>{doc.id}</span>
        </Descriptions.Item>
      </Descriptions>
      <div style={{ textAlign: 'center' }}>
        <QrImage value={s.qrUrl} size={160} alt={t('licences.detail.qr')} testId="licence-qr" />
      </div>
    </Space>
  );
};

/** What a third party sees when opening a 用证授权 link: no sign-in; refused once expired or revoked. */
export const SharedPage = () => {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const q = useSharedLicence(token);
  return (
    <div style={{ maxWidth: 760, margin: '24px auto', padding: '0 16px' }}>
      <Card>
        {q.isLoading && <Spin />}
        {q.error && (
          <div data-testid="shared-error">
            <Result status="warning" title={t('licences.shared.failed')} subTitle={q.error.message} />
          </div>
        )}
        {q.data && <Shown s={q.data} />}
      </Card>
    </div>
  );
};
