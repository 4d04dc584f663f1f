import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/api/licences';
import { useLocalized } from '../../components/useLang';
import { serviceByCode } from '../../../../shared/services/catalogue';
import { formatBytes, nowrap, stateColor } from './bits';

/** What an application was submitted with: each licence as identifier, version, digest; each upload with its hash. */
export const EvidenceTables = ({
  app,
  onDownload,
}: {
  app: ApplicationView;
  onDownload?: (uploadId: string, fileName: string) => void;
}) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const materials = serviceByCode(app.service.code)?.materials ?? [];
  const materialName = (key: string) => {
    const m = materials.find((x) => x.key === key);
    return m ? loc(m.name) : key;
  };
  return (
    <>
      <Typography.Title level={3}>{t('licences.application.evidence')}</Typography.Title>
      <Table
        size="small"
        rowKey="licenceId"
        pagination={false}
        scroll={{ x: true }}
        data-testid="evidence"
        dataSource={app.attachments}
        columns={[
          { title: t('licences.verify.type'), render: (_, a) => loc(a.name) },
          {
            title: t('licences.detail.identifier'),
            dataIndex: 'identifier',
            render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
          },
          { title: nowrap(t('licences.verify.version')), dataIndex: 'version' },
          {
            title: nowrap(t('licences.detail.digest')),
            dataIndex: 'digest',
            render: (v: string) =>
              nowrap(
                <Typography.Text code copyable={{ text: v }}>
                  {v.slice(0, 12)}…
                </Typography.Text>,
              ),
          },
          {
            title: t('licences.application.currentStatus'),
            dataIndex: 'currentStatus',
            render: (s: string) => (
              <Tag color={stateColor[s]}>{t(`licences.state.${s === 'active' ? 'valid' : s}`)}</Tag>
            ),
          },
        ]}
      />
      <Typography.Title level={3} style={{ marginTop: 24 }}>
        {t('licences.application.uploads')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        dataSource={app.uploads}
        columns={[
          {
            title: t('licences.application.material'),
            dataIndex: 'materialKey',
            render: (k: string) => materialName(k),
          },
          {
            title: t('licences.application.file'),
            dataIndex: 'fileName',
            render: (v: string, u) =>
              onDownload ? <Typography.Link onClick={() => onDownload(u.id, v)}>{v}</Typography.Link> : v,
          },
          { title: t('licences.application.type'), dataIndex: 'mimeType' },
          { title: t('licences.application.size'), dataIndex: 'size', render: (n: number) => formatBytes(n) },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            render: (v: string) => nowrap(<Typography.Text code>{v.slice(0, 12)}…</Typography.Text>),
          },
        ]}
      />
    </>
  );
};
