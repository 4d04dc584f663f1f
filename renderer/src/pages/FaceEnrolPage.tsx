import { Alert, Button, Card, Space, Typography, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FaceEnrolResponse } from '../../../shared/api/identity';
import { identityFaceEnrolApi } from '../../../shared/api/contracts/identity-face-enrol';
import { api, type ApiRequestError } from '../api/client';
import { useMe } from '../api/queries';

const toBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** Identity set-up: the reference face the phone approval compares against. Only the template is kept. */
export const FaceEnrolPage = () => {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const enrol = useMutation<FaceEnrolResponse, ApiRequestError, File>({
    mutationFn: async (file) =>
      api.call(identityFaceEnrolApi.enrolFace, { body: { photo: await toBase64(file) } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('account.face.title')}
        </Typography.Title>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('account.face.intro')}</Typography.Paragraph>
        <Alert
          data-testid="face-status"
          type={me.data?.faceEnrolled ? 'success' : 'warning'}
          showIcon
          message={me.data?.faceEnrolled ? t('account.face.enrolled') : t('account.face.notEnrolled')}
        />
        {enrol.error && <Alert type="error" showIcon role="alert" message={enrol.error.message} />}
        {enrol.isSuccess && <Alert type="success" showIcon message={t('account.face.success')} />}
        <Upload
          accept="image/jpeg,image/png"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            enrol.mutate(file);
            return false;
          }}
        >
          <Button type="primary" size="large" icon={<CameraOutlined />} loading={enrol.isPending}>
            {t('account.face.upload')}
          </Button>
        </Upload>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('account.face.privacy')}
        </Typography.Paragraph>
      </Space>
    </Card>
  );
};
