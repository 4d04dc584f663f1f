import { Alert, Button, Card, Checkbox, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type ApiRequestError } from '../../api/client';
import { counterVerificationApi } from '../../../../shared/api/contracts/counter-verification';
import type { CounterVerified } from '../../../../shared/api/assurance';

type Values = { name: string; residentId: string; idCardSeen: boolean; note?: string };

/** The reviewer records an in-person check of the ID card (L5), the equal alternative to faces. */
export const CounterVerifyWidget = () => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const verify = useMutation<CounterVerified, ApiRequestError, Values>({
    mutationFn: (v) =>
      api.call(counterVerificationApi.verify, {
        body: { name: v.name, residentId: v.residentId, idCardSeen: true, note: v.note || undefined },
      }),
    onSuccess: () => form.resetFields(),
    onError: (e) => {
      if (e.field) form.setFields([{ name: e.field as keyof Values, errors: [e.message] }]);
    },
  });
  return (
    <Card size="small" title={t('counter.title')} data-testid="counter-verify">
      <p>{t('counter.intro')}</p>
      {verify.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('counter.done', { name: verify.data.name, masked: verify.data.residentIdMasked })}
        />
      )}
      {verify.error && !verify.error.field && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={verify.error.message} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => verify.mutate(v)} requiredMark={false}>
        <Form.Item name="name" label={t('counter.name')} rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="residentId" label={t('counter.residentId')} rules={[{ required: true }]}>
          <Input autoComplete="off" maxLength={22} />
        </Form.Item>
        <Form.Item name="note" label={t('counter.note')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="idCardSeen"
          valuePropName="checked"
          rules={[
            {
              validator: async (_, v: boolean) =>
                v ? undefined : Promise.reject(new Error(t('counter.seenRequired'))),
            },
          ]}
        >
          <Checkbox>{t('counter.seen')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={verify.isPending}>
          {t('counter.submit')}
        </Button>
      </Form>
    </Card>
  );
};
