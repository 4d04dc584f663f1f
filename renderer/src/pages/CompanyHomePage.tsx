import { Alert, Card, Descriptions, Space, Tag } from 'antd';
import { PageTitle } from '../components/PageTitle';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCompany } from '../api/queries';
import { formatDate, formatMoney } from '../components/format';
import { companyPanels } from '../app/company-panels';
import { QueryError } from '../components/QueryError';

/** A company's home: registration facts (legal representative masked), status, my authority, feature panels. */
export const CompanyHomePage = () => {
  const { t } = useTranslation();
  const { companyId } = useParams();
  const company = useCompany(companyId);
  if (company.error) return <QueryError error={company.error} />;
  const c = company.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/">← {t('company.back')}</Link>
      <Card loading={company.isLoading}>
        {c && (
          <>
            <PageTitle title={c.name} testId="company-name">
              {c.name} <Tag color={c.status === 'active' ? 'green' : 'orange'}>{t(`status.${c.status}`)}</Tag>
            </PageTitle>
            <Alert
              type={c.actingAs === 'connected' ? 'warning' : 'success'}
              showIcon
              data-testid="my-authority"
              message={t(`company.actingAs.${c.actingAs}`)}
              style={{ marginBottom: 16 }}
            />
            <Descriptions title={t('company.facts')} bordered column={{ xs: 1, md: 2 }} size="middle">
              <Descriptions.Item label={t('company.uscc')}>
                <span className="st-id" data-testid="company-uscc">
                  {c.uscc}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('company.type')}>{t(`company.types.${c.type}`)}</Descriptions.Item>
              <Descriptions.Item label={t('company.legalRep')}>
                <span data-testid="legal-rep">
                  {c.legalRepresentative.name}
                  <span className="st-id">（{c.legalRepresentative.residentIdMasked}）</span>
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('company.capital')}>
                {t('company.yuan', { amount: formatMoney(c.registeredCapital) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('company.establishedOn')}>
                {formatDate(`${c.establishedOn}T00:00:00+08:00`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('company.taxpayer')}>
                {t(`company.taxpayerTypes.${c.taxpayerType}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('company.address')} span={2}>
                {c.address}
              </Descriptions.Item>
              <Descriptions.Item label={t('company.authority')} span={2}>
                {c.registrationAuthority}
              </Descriptions.Item>
              <Descriptions.Item label={t('company.scope')} span={2}>
                {c.businessScope.join('；')}
              </Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Card>
      {c && companyPanels.map((Panel, i) => <Panel key={i} company={c} />)}
    </Space>
  );
};
