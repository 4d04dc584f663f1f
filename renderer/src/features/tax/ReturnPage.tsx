import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCompany } from '../../api/queries';
import { useLang, useLocalized } from '../../components/useLang';
import { formatDateTime } from '../../components/format';
import { QueryError } from '../../components/QueryError';
import { declarationText, FORM_NAMES } from '../../../../shared/api/tax';
import { periodLabel } from '../../../../shared/tax/period';
import { receiptPdf, useReturn } from './api';
import { ComputationView } from './ComputationView';
import { PaymentCard, SignatureCard, VersionsCard } from './ReturnCards';

const STEP = { draft: 0, submitted: 1, accepted: 2 } as const;

/** A return: its lifecycle, what was declared, the bureau's answer, payment, signature and versions. */
export const ReturnPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const localized = useLocalized();
  const { companyId = '', returnId = '' } = useParams();
  const detail = useReturn(companyId, returnId);
  const company = useCompany(companyId);
  const [error, setError] = useState<string | null>(null);
  if (detail.error) return <QueryError error={detail.error} />;
  const r = detail.data;
  const scopes = company.data?.grantedScopes ?? [];
  const may = (scope: string): boolean => scopes.includes('*') || scopes.includes(scope);
  const fileUrl = r ? `/companies/${companyId}/tax/file/${r.form}/${r.periodKey}` : '';
  const download = (): void => {
    if (!r) return;
    setError(null);
    receiptPdf(companyId, r.id, `申报回执-${r.receiptNumber ?? r.id}.pdf`).catch((e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/companies/${companyId}`}>← {t('tax.form.back')}</Link>
      <Card loading={!r}>
        {r && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Title level={1} className="st-h1" style={{ margin: 0 }}>
              {FORM_NAMES[r.form][lang]} · {periodLabel(r.period)[lang]}
            </Typography.Title>
            <Space wrap>
              <Tag>{t('tax.ret.version', { version: r.version })}</Tag>
              <Tag color="blue">
                {r.zeroFiling
                  ? t('tax.ret.zero')
                  : r.version > 1
                    ? t('tax.ret.correction')
                    : t('tax.ret.original')}
              </Tag>
              {r.superseded && <Tag color="orange">{t('tax.ret.superseded')}</Tag>}
            </Space>
            <Steps
              current={STEP[r.status]}
              status={r.status === 'accepted' ? 'finish' : 'process'}
              data-testid="return-steps"
              items={[
                { title: t('tax.ret.steps.draft'), description: formatDateTime(r.createdAt) },
                {
                  title: t('tax.ret.steps.submitted'),
                  description: r.submittedAt ? formatDateTime(r.submittedAt) : '',
                },
                {
                  title: t('tax.ret.steps.accepted'),
                  description: r.acceptedAt ? formatDateTime(r.acceptedAt) : '',
                },
              ]}
            />
            {r.status === 'draft' && (
              <Link to={`${fileUrl}${r.version > 1 ? '?correction=true' : ''}`}>
                <Button type="primary">{t('tax.ret.continueDraft')}</Button>
              </Link>
            )}
            {r.status === 'accepted' && (
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('tax.ret.receiptNo')}>
                  <span data-testid="receipt-number">{r.receiptNumber}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('tax.ret.filer')}>
                  {r.filer
                    ? `${r.filer.name}（${t(`roles.${r.filer.actingAs}`, { defaultValue: r.filer.actingAs })}）`
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('tax.form.deadline')}>
                  {r.dueDate} {r.late && <Tag color="red">{t('tax.ret.filedLate')}</Tag>}
                </Descriptions.Item>
                <Descriptions.Item label={t('tax.ret.acceptedAt')}>
                  {r.acceptedAt ? formatDateTime(r.acceptedAt) : '—'}
                </Descriptions.Item>
              </Descriptions>
            )}
            {r.computation && r.status !== 'draft' && (
              <Typography.Paragraph strong data-testid="declaration">
                {
                  declarationText(r.companyName, r.period, r.computation, {
                    zero: r.zeroFiling,
                    correction: r.version > 1,
                  })[lang]
                }
              </Typography.Paragraph>
            )}
            {r.bureauNote && (
              <Alert type="success" showIcon message={localized(r.bureauNote)} data-testid="bureau-note" />
            )}
            <Typography.Text type="secondary">{t('tax.ret.bureau')}</Typography.Text>
            <Space wrap>
              {r.status === 'accepted' && (
                <Button onClick={download} data-testid="download-receipt">
                  {t('tax.ret.download')}
                </Button>
              )}
              {r.status === 'accepted' && !r.superseded && may('tax.file') && (
                <Link to={`${fileUrl}?correction=true`}>
                  <Button data-testid="start-correction">{t('tax.ret.correct')}</Button>
                </Link>
              )}
            </Space>
            {error && <Alert type="error" showIcon message={error} role="alert" />}
          </Space>
        )}
      </Card>
      {r && (
        <Card title={t('tax.ret.figures')}>
          <ComputationView
            computation={r.computation}
            problem={r.problem ? localized(r.problem.message) : null}
          />
        </Card>
      )}
      {r && r.status === 'accepted' && <PaymentCard detail={r} canPay={may('tax.pay')} />}
      {r?.signature && <SignatureCard signature={r.signature} />}
      {r && r.versions.length > 1 && <VersionsCard detail={r} />}
    </Space>
  );
};
