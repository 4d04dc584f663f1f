import { Alert, Button, Card, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../api/client';
import { useCompany } from '../../api/queries';
import { QueryError } from '../../components/QueryError';
import { ReturnForm } from '../../../../shared/api/tax';
import { usePrefill } from './api';
import { FilingForm } from './FilingForm';

/** /companies/:companyId/tax/file/:form/:periodKey[?correction=true]: prepare, check and submit a return. */
export const FilingPage = () => {
  const { t } = useTranslation();
  const { companyId = '', form = '', periodKey = '' } = useParams();
  const [params] = useSearchParams();
  const correction = params.get('correction') === 'true';
  const parsed = ReturnForm.safeParse(form);
  const prefill = usePrefill(
    companyId,
    parsed.success ? parsed.data : 'vat-small-scale',
    periodKey,
    correction,
  );
  const company = useCompany(companyId);
  const back = <Link to={`/companies/${companyId}`}>← {t('tax.form.back')}</Link>;
  if (!parsed.success) return <Result status="404" title={form} extra={back} />;
  if (prefill.error instanceof ApiRequestError && prefill.error.code === 'PERIOD_ALREADY_FILED')
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {back}
        <Card>
          <Alert
            type="info"
            showIcon
            data-testid="already-filed"
            message={t('tax.form.alreadyFiled')}
            description={prefill.error.message}
            action={
              <Link to={`/companies/${companyId}/tax/file/${form}/${periodKey}?correction=true`}>
                <Button type="primary">{t('tax.form.startCorrection')}</Button>
              </Link>
            }
          />
        </Card>
      </Space>
    );
  if (prefill.error) return <QueryError error={prefill.error} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {back}
      {prefill.data && company.data ? (
        <FilingForm
          key={`${form}-${periodKey}-${correction}`}
          prefill={prefill.data}
          company={company.data}
          correction={correction}
          refetch={async () => (await prefill.refetch()).data}
        />
      ) : (
        <Card loading />
      )}
    </Space>
  );
};
