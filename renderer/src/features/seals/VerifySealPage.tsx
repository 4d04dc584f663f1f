import { Alert, Card, Descriptions, List, Space, Tag, Typography, Upload } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { sealsApi } from '../../../../shared/api/contracts/seals';
import type { SealVerifyReport } from '../../../../shared/api/seals';
import { formatChinaDateTime } from '../../../../shared/time/china';
import { fileToBase64 } from './files';
import { PageTitle } from '../../components/PageTitle';

const pick = (lang: string, t: { zh: string; en: string }) => (lang.startsWith('zh') ? t.zh : t.en);

/** Public page (no sign-in): upload a sealed PDF, see every check of every signature in words. */
export const VerifySealPage = () => {
  const { t, i18n } = useTranslation();
  const verify = useMutation({
    mutationFn: async (file: File): Promise<SealVerifyReport> =>
      api.call(sealsApi.verify, { body: { contentBase64: await fileToBase64(file) } }),
  });
  const report = verify.data;
  return (
    <Space
      direction="vertical"
      size="large"
      style={{ width: '100%', maxWidth: 880, margin: '24px auto', padding: 16 }}
    >
      <PageTitle title={t('seals.verifyTitle')} testId="seal-verify-title" />
      <Typography.Paragraph>{t('seals.verifyIntro')}</Typography.Paragraph>
      <Upload.Dragger
        accept="application/pdf,.pdf"
        showUploadList={false}
        beforeUpload={(file) => {
          verify.mutate(file);
          return false;
        }}
      >
        <span data-testid="seal-verify-drop">{t('seals.verifyFile')}</span>
      </Upload.Dragger>
      {verify.isPending && <Alert type="info" message={t('seals.verifying')} />}
      {verify.error && (
        <Alert type="error" showIcon message={verify.error.message} data-testid="seal-verify-error" />
      )}
      {report && (
        <Alert
          data-testid="seal-verify-summary"
          type={report.signatures.length > 0 && report.signatures.every((s) => s.valid) ? 'success' : 'error'}
          showIcon
          message={pick(i18n.language, report.summary)}
        />
      )}
      {report?.signatures.map((s, i) => (
        <Card
          key={i}
          data-testid={`seal-verify-signature-${i + 1}`}
          title={
            <Space>
              {t('seals.signature', { n: i + 1 })}
              <Tag color={s.valid ? 'green' : 'red'}>{s.valid ? t('seals.valid') : t('seals.invalid')}</Tag>
            </Space>
          }
        >
          <Descriptions column={1} size="small">
            {s.seal && (
              <Descriptions.Item
                label={t('seals.sealName')}
              >{`${s.seal.name}（${s.seal.sealType}）`}</Descriptions.Item>
            )}
            {s.seal && (
              <Descriptions.Item
                label={t('seals.holder')}
              >{`${s.seal.holderName} ${s.seal.holderUscc}`}</Descriptions.Item>
            )}
            {s.signer && (
              <Descriptions.Item label={t('seals.signer')}>
                <span data-testid="seal-verify-signer">{`${s.signer.name}（${s.signer.residentIdMasked}）`}</span>
              </Descriptions.Item>
            )}
            {s.signedAt && (
              <Descriptions.Item label={t('seals.signedAt')}>
                {formatChinaDateTime(s.signedAt)}
                {s.page ? ` · ${t('seals.pageNo', { page: s.page })}` : ''}
              </Descriptions.Item>
            )}
            {s.seal && (
              <Descriptions.Item label={t('seals.statusNow')}>
                {t(`seals.status_${s.seal.statusNow === 'unknown' ? 'revoked' : s.seal.statusNow}`)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <List
            size="small"
            dataSource={s.checks}
            renderItem={(c) => (
              <List.Item data-testid={`seal-check-${c.key}`}>
                <Space>
                  <Tag color={c.ok ? 'green' : 'red'}>{c.ok ? '✓' : '✗'}</Tag>
                  {pick(i18n.language, c.text)}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
};
