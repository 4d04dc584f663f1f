import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatMoney } from '../../components/format';
import type { ReturnDetail, ReturnSignature, ReturnSummary } from '../../../../shared/api/tax';
import { taxApi, useRefreshTax } from './api';

/** Simulated 缴款, said plainly: no bank, no money moves; a voucher number and a certificate are issued. */
export const PaymentCard = ({ detail, canPay }: { detail: ReturnDetail; canPay: boolean }) => {
  const { t } = useTranslation();
  const refresh = useRefreshTax();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = detail.payment;
  const pay = async (): Promise<void> => {
    if (!p) return;
    setBusy(true);
    setError(null);
    try {
      await taxApi.pay(detail.companyId, p.id);
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('tax.ret.payment')} data-testid="payment-card">
      {!p ? (
        <Typography.Text>{t('tax.ret.noPayment')}</Typography.Text>
      ) : (
        <>
          <Alert type="info" showIcon message={t('tax.ret.simulated')} style={{ marginBottom: 16 }} />
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('tax.ret.amount')}>
              <strong data-testid="payment-amount">¥{formatMoney(p.amount)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('tax.ret.payBy')}>{p.dueDate}</Descriptions.Item>
            {p.status === 'paid' && (
              <>
                <Descriptions.Item label={t('tax.ret.voucher')}>
                  <span data-testid="voucher-number">{p.voucherNumber}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('tax.ret.certificate')}>
                  <span data-testid="certificate-number">{p.certificate?.number}</span>
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {t('tax.ret.certificateHint')}
                  </Typography.Text>
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
          <div style={{ marginTop: 16 }}>
            {p.status === 'paid' && <Tag color="green">{t('tax.ret.paid')}</Tag>}
            {p.status === 'cancelled' && <Tag>{t('tax.ret.cancelled')}</Tag>}
            {p.status === 'due' &&
              (canPay ? (
                <Button type="primary" loading={busy} onClick={() => void pay()} data-testid="pay">
                  {busy ? t('tax.ret.paying') : t('tax.ret.payNow')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('tax.ret.needPay')}</Typography.Text>
              ))}
          </div>
          {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginTop: 12 }} />}
        </>
      )}
    </Card>
  );
};

export const SignatureCard = ({ signature }: { signature: ReturnSignature }) => {
  const { t } = useTranslation();
  const mono = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', wordBreak: 'break-all' as const };
  return (
    <Card title={t('tax.ret.signature')} size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('tax.ret.digest')}>
          <span style={mono}>{signature.contentDigest}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('tax.ret.session')}>
          <span style={mono}>{signature.sessionId}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('tax.ret.signedAt')}>
          {formatDateTime(signature.signedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tax.ret.value')}>
          <span style={mono} data-testid="signature-value">
            {signature.value}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
};

/** Every version of the period: corrections add versions and keep the earlier ones. */
export const VersionsCard = ({ detail }: { detail: ReturnDetail }) => {
  const { t } = useTranslation();
  return (
    <Card title={t('tax.ret.history')} size="small">
      <Table<ReturnSummary>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.versions}
        data-testid="versions"
        columns={[
          {
            title: t('tax.ret.history'),
            render: (_, v) =>
              v.id === detail.id ? (
                <strong>{t('tax.ret.version', { version: v.version })}</strong>
              ) : (
                <Link to={`/companies/${detail.companyId}/tax/returns/${v.id}`}>
                  {t('tax.ret.version', { version: v.version })}
                </Link>
              ),
          },
          {
            title: '',
            render: (_, v) => (
              <>
                <Tag color={v.status === 'accepted' ? 'green' : 'default'}>
                  {t(`tax.ret.steps.${v.status}`)}
                </Tag>
                {v.superseded && <Tag color="orange">{t('tax.ret.superseded')}</Tag>}
              </>
            ),
          },
          {
            title: t('tax.form.total'),
            align: 'right',
            render: (_, v) => (v.totalPayable ? formatMoney(v.totalPayable) : '—'),
          },
          {
            title: t('tax.ret.difference'),
            align: 'right',
            render: (_, v) => (v.difference && v.version > 1 ? formatMoney(v.difference) : '—'),
          },
          {
            title: t('tax.ret.submittedAt'),
            render: (_, v) => (v.submittedAt ? formatDateTime(v.submittedAt) : '—'),
          },
        ]}
      />
    </Card>
  );
};
