import { ItemMeta } from '../../components/ItemMeta';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../components/format';
import { QrImage } from '../../components/QrImage';
import { QueryError } from '../../components/QueryError';
import { useLocalized } from '../../components/useLang';
import { licenceApi, useLicence } from './api';
import { AppStatusTag } from './ApplicationsList';
import { Countdown, stateColor, useFieldRows, ValidityTag, validityText } from './bits';
import { renewalServiceOf } from './ExpiryRadar';
import { OfflineVerifyButton } from './OfflineVerify';
import { SharePanel } from './SharePanel';
import { useLicenceAbilities } from './scopes';
import type { LicenceDetail } from '../../../../shared/api/licences';

const Fields = ({ licence }: { licence: LicenceDetail }) => {
  const { t } = useTranslation();
  const rows = useFieldRows(licence.signed);
  return (
    <Descriptions
      title={t('licences.detail.fields')}
      bordered
      column={1}
      size="small"
      data-testid="licence-fields"
    >
      {rows.map(([label, value]) => (
        <Descriptions.Item key={label} label={label}>
          {value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
};

/** One licence: every field, validity, QR code, PDF and file download, offline check, history, uses, shares. */
export const LicenceDetailPage = () => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { message } = App.useApp();
  const { companyId = '', licenceId = '' } = useParams();
  const q = useLicence(companyId, licenceId);
  const { canUse } = useLicenceAbilities(companyId);
  if (q.error) return <QueryError error={q.error} />;
  const l = q.data;
  const download = (run: () => Promise<void>) => () =>
    void run().catch((e: Error) => message.error(e.message));
  const fix = l && l.status === 'active' ? renewalServiceOf(l) : undefined;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/companies/${companyId}/licences`}>← {t('licences.detail.back')}</Link>
      <Card loading={q.isLoading}>
        {l && (
          <Row gutter={[24, 24]}>
            <Col xs={24} lg={16}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Space wrap align="center">
                  <Typography.Title
                    level={1}
                    className="st-h1"
                    style={{ margin: 0 }}
                    data-testid="licence-title"
                  >
                    {loc(l.name)}
                  </Typography.Title>
                  <ValidityTag state={l.state} status={l.status} />
                  <Tag>{t('licences.wallet.version', { version: l.version })}</Tag>
                </Space>
                {l.status === 'revoked' && (
                  <Alert
                    type="error"
                    showIcon
                    message={t('licences.detail.revoked', {
                      date: l.revokedAt ? formatDateTime(l.revokedAt) : '',
                      reason: l.revokedReason ?? '',
                    })}
                  />
                )}
                {l.status === 'active' && <Countdown state={l.state} />}
                <Space wrap>
                  {canUse && (
                    <Button
                      type="primary"
                      icon={<FilePdfOutlined aria-hidden />}
                      data-testid="download-pdf"
                      onClick={download(() =>
                        licenceApi.pdf(companyId, l.id, `${l.holder.name}-${loc(l.name)}.pdf`),
                      )}
                    >
                      {t('licences.detail.pdf')}
                    </Button>
                  )}
                  {canUse && (
                    <Button
                      icon={<DownloadOutlined aria-hidden />}
                      data-testid="download-json"
                      onClick={download(() => licenceApi.signedFile(companyId, l.id, `${l.identifier}.json`))}
                    >
                      {t('licences.detail.json')}
                    </Button>
                  )}
                  {fix && (l.state.state === 'expiring' || l.state.state === 'expired') && (
                    <Link to={`/companies/${companyId}/licences/apply/${fix.code}`}>
                      <Button>{t('licences.detail.renew')}</Button>
                    </Link>
                  )}
                </Space>
                {!canUse && <Alert type="info" showIcon message={t('licences.share.needUse')} />}
                <OfflineVerifyButton signed={l.signed} />
                <Descriptions bordered column={1} size="small">
                  <Descriptions.Item label={t('licences.detail.holder')}>
                    {l.holder.name}
                    <span className="st-id">（{l.holder.uscc}）</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('licences.wallet.number')}>{l.number}</Descriptions.Item>
                  <Descriptions.Item label={t('licences.wallet.issuer')}>
                    {loc(l.issuer.name)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('licences.wallet.validity')}>
                    {validityText(l.validFrom, l.validUntil, t('licences.wallet.indefinite'))}
                  </Descriptions.Item>
                </Descriptions>
              </Space>
            </Col>
            <Col xs={24} lg={8} style={{ textAlign: 'center' }}>
              <Typography.Title level={4}>{t('licences.detail.qr')}</Typography.Title>
              <a href={l.qrUrl} target="_blank" rel="noreferrer" data-testid="qr-link">
                <QrImage value={l.qrUrl} size={200} alt={t('licences.detail.qr')} testId="licence-qr" />
              </a>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('licences.detail.qrHint')}
              </Typography.Paragraph>
              {/* The signed seal in the link itself: verifies with no network (cached issuer keys). */}
              <a href={l.sealUrl} target="_blank" rel="noreferrer" data-testid="seal-link">
                {t('licences.detail.sealLink')}
              </a>
            </Col>
          </Row>
        )}
      </Card>
      {l && (
        <Card>
          <Fields licence={l} />
          <Descriptions bordered column={1} size="small" style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('licences.detail.identifier')}>
              <Typography.Text copyable style={{ wordBreak: 'break-all' }} data-testid="licence-identifier">
                {l.identifier}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('licences.detail.issuedAt')}>
              {formatDateTime(l.issuedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('licences.detail.digest')}>
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {l.digest}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('licences.detail.keyId')}>{l.signed.publicKeyId}</Descriptions.Item>
            <Descriptions.Item label={t('licences.detail.signature')}>
              <Typography.Text code style={{ wordBreak: 'break-all', fontSize: '0.85em' }}>
                {l.signed.signature}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {l && (
        <Row gutter={[24, 24]}>
          <Col xs={24} lg={12}>
            <Card title={t('licences.detail.versions')}>
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={l.versions}
                columns={[
                  {
                    title: t('licences.detail.issuedAt'),
                    dataIndex: 'issuedAt',
                    render: (v: string) => formatDateTime(v),
                  },
                  { title: '#', dataIndex: 'version' },
                  {
                    title: t('licences.application.currentStatus'),
                    dataIndex: 'status',
                    render: (s: string, v) =>
                      v.id === l.id ? (
                        <Tag color={stateColor[s]}>{t(`licences.state.${s === 'active' ? 'valid' : s}`)}</Tag>
                      ) : (
                        <Link to={`/companies/${companyId}/licences/${v.id}`}>
                          {t(`licences.state.${s === 'active' ? 'valid' : s}`)}
                        </Link>
                      ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('licences.detail.usages')} data-testid="licence-usages">
              <List
                dataSource={l.usages}
                locale={{
                  emptyText: (
                    <Empty description={t('licences.detail.noUsages')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                  ),
                }}
                renderItem={(u) => (
                  <List.Item>
                    <ItemMeta
                      title={
                        <Space wrap>
                          <Link to={`/companies/${companyId}/licences/applications/${u.applicationId}`}>
                            {loc(u.serviceName)}
                          </Link>
                          <AppStatusTag status={u.status} />
                        </Space>
                      }
                      description={`${formatDateTime(u.submittedAt)} · ${t('licences.wallet.version', { version: u.version })}`}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
      {l && canUse && (
        <SharePanel
          companyId={companyId}
          licenceId={l.id}
          shareable={l.status === 'active' && l.state.state !== 'expired'}
        />
      )}
    </Space>
  );
};
