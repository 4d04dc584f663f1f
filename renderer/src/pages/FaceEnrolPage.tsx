import { Alert, Card, Space, Typography } from 'antd';
import { PageTitle } from '../components/PageTitle';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/queries';

/**
 * The person's reference face. It comes from the identity authority (the portrait on record for
 * their ID), never from an upload: this page only says whether one is available and what to do.
 */
export const FaceEnrolPage = () => {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Card title={<PageTitle title={t('account.face.title')} style={{ margin: 0 }} />}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('account.face.intro')}</Typography.Paragraph>
        <Alert
          data-testid="face-status"
          type={me.data?.faceEnrolled ? 'success' : 'warning'}
          showIcon
          message={me.data?.faceEnrolled ? t('account.face.enrolled') : t('account.face.notEnrolled')}
        />
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('account.face.privacy')}
        </Typography.Paragraph>
      </Space>
    </Card>
  );
};
