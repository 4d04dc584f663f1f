import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { useLocalized } from '../../components/useLang';
import { deregistrationApi } from '../../../../shared/api/contracts/deregistration';
import type { ObjectionBody } from '../../../../shared/api/deregistration';
import { deregKeys, usePublicDeregistration } from './api';

/** Anyone (no sign-in) objects during the notice: name, contact, reason; an objection ends the procedure. */
const ObjectionForm = ({ uscc }: { uscc: string }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<ObjectionBody>();
  const queryClient = useQueryClient();
  const file = useMutation({
    mutationFn: (body: ObjectionBody) => api.call(deregistrationApi.object, { params: { uscc }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: deregKeys.publicNotice(uscc) }),
  });
  if (file.isSuccess)
    return <Alert type="success" showIcon message={t('dereg.gs.received')} data-testid="gs-dereg-received" />;
  const required = { required: true, whitespace: true, message: t('dereg.gs.required') };
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      onFinish={(v) => file.mutate(v)}
      data-testid="gs-dereg-object-form"
    >
      <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 4 }}>
        {t('dereg.gs.objectTitle')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('dereg.gs.objectIntro')}</Typography.Paragraph>
      <Form.Item name="name" label={t('dereg.gs.name')} rules={[required, { max: 100 }]}>
        <Input data-testid="gs-dereg-name" maxLength={100} autoComplete="name" />
      </Form.Item>
      <Form.Item name="contact" label={t('dereg.gs.contact')} rules={[required, { min: 3, max: 100 }]}>
        <Input data-testid="gs-dereg-contact" maxLength={100} autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('dereg.gs.reason')}
        rules={[required, { min: 5, message: t('dereg.gs.reasonTooShort') }, { max: 2000 }]}
      >
        <Input.TextArea data-testid="gs-dereg-reason" rows={4} maxLength={2000} />
      </Form.Item>
      <ErrorAlert error={file.error} testId="gs-dereg-error" style={{ marginBottom: 12 }} />
      <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="gs-dereg-submit">
        {t('dereg.gs.submit')}
      </Button>
    </Form>
  );
};

/** The disclosure page's simplified-deregistration notice: period, investors, commitment, and the objection form. */
export const PublicDeregistrationNotice = ({ uscc }: { uscc: string }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const q = usePublicDeregistration(uscc);
  const notice = q.data?.notice;
  if (!notice) return null;
  return (
    <Card title={t('dereg.gs.title')} data-testid="gs-dereg">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label={t('dereg.gs.period')}>
            <span data-testid="gs-dereg-period">
              {t('dereg.noticePeriod', { from: notice.noticeFrom, until: notice.noticeUntil })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dereg.gs.status')}>
            <span data-testid="gs-dereg-status">
              {notice.completedAt
                ? t('dereg.gs.completedAt', { time: formatDateTime(notice.completedAt) })
                : t(`dereg.status.${notice.status}`)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dereg.gs.investors')}>{notice.investors.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('dereg.gs.commitment')}>{loc(notice.commitmentText)}</Descriptions.Item>
        </Descriptions>
        {notice.objectionsOpen ? (
          <ObjectionForm uscc={uscc} />
        ) : (
          !notice.completedAt && <Typography.Text type="secondary">{t('dereg.gs.closed')}</Typography.Text>
        )}
      </Space>
    </Card>
  );
};
