import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../components/format';
import { QueryError } from '../../components/QueryError';
import { useLocalized } from '../../components/useLang';
import { useApplication } from './api';
import { AppStatusTag } from './ApplicationsList';
import { EvidenceTables } from './EvidenceTables';
import { ApplicationTimeline } from './ApplicationTimeline';
import { PROMISED_WORKING_DAYS } from '../../../../shared/services/promised-time';
import { ServiceKind } from '../../../../shared/services/service-item';

/** One 免证办 application: status, the evidence it was submitted with, the decision, the licence issued. */
export const ApplicationPage = () => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { companyId = '', applicationId = '' } = useParams();
  const q = useApplication(companyId, applicationId);
  if (q.error) return <QueryError error={q.error} />;
  const a = q.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/companies/${companyId}/licences`}>← {t('licences.application.back')}</Link>
      <Card loading={q.isLoading}>
        {a && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap align="center">
              <Typography.Title
                level={1}
                className="st-h1"
                style={{ margin: 0 }}
                data-testid="application-title"
              >
                {loc(a.service.name)}
              </Typography.Title>
              <AppStatusTag status={a.status} />
            </Space>
            {a.decisionNote && (
              <Alert
                type={a.status === 'returned' ? 'error' : 'success'}
                showIcon
                message={t('licences.application.decisionNote')}
                description={a.decisionNote}
              />
            )}
            {a.issuedLicence && (
              <Alert
                type="success"
                showIcon
                data-testid="issued-licence"
                message={t('licences.application.issued', {
                  identifier: a.issuedLicence.identifier,
                  version: a.issuedLicence.version,
                })}
                action={
                  <Link to={`/companies/${companyId}/licences/${a.issuedLicence.id}`}>
                    <Button size="small">{t('licences.application.openIssued')}</Button>
                  </Link>
                }
              />
            )}
            <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('licences.application.service')}>
                <span data-testid="application-service">{loc(a.service.name)}</span>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: '0.85em' }}>
                  {t('licences.walkthrough.code')} {a.service.code}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('licences.apply.department')}>
                {loc(a.service.department)}
              </Descriptions.Item>
              <Descriptions.Item label={t('licences.application.submittedAt')}>
                {formatDateTime(a.submittedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('licences.application.submittedBy')}>
                {a.submittedBy.name}
              </Descriptions.Item>
              <Descriptions.Item label={t('licences.walkthrough.promisedBy')}>
                <span data-testid="promised-by">
                  {t('licences.walkthrough.promisedByValue', {
                    date: a.promisedBy,
                    days: PROMISED_WORKING_DAYS[ServiceKind.catch('other').parse(a.service.kind)],
                  })}
                </span>
              </Descriptions.Item>
              {a.note && (
                <Descriptions.Item label={t('licences.application.note')} span={2}>
                  {a.note}
                </Descriptions.Item>
              )}
            </Descriptions>
            <ApplicationTimeline app={a} />
            <EvidenceTables app={a} />
          </Space>
        )}
      </Card>
    </Space>
  );
};
