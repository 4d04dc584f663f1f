import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PHONE_PATTERN, PASSWORD_MIN, type SignInResponse } from '../../../shared/api/identity';
import { identityApi } from '../../../shared/api/contracts/identity';
import { validateResidentId } from '../../../shared/identifiers/resident-id';
import { identifierErrorMessage } from '../../../shared/identifiers/messages';
import { api, type ApiRequestError } from '../api/client';
import { completeSignIn } from '../app/auth';
import { PrefsBar } from '../components/PrefsBar';
import { useLang } from '../components/useLang';

type Values = { name: string; residentId: string; phone: string; password: string };

export const SignUpPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const signUp = useMutation<SignInResponse, ApiRequestError, Values>({
    mutationFn: (v) => api.call(identityApi.signUp, { body: v }),
    onSuccess: async (res) => {
      await completeSignIn(queryClient, res);
      navigate('/', { replace: true });
    },
    onError: (e) => {
      if (e.field) form.setFields([{ name: e.field as keyof Values, errors: [e.message] }]);
    },
  });
  return (
    <div className="st-narrow">
      <PrefsBar />
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('signUp.title')}
        </Typography.Title>
        {signUp.error && !signUp.error.field && (
          <Alert
            type="error"
            showIcon
            message={signUp.error.message}
            role="alert"
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => signUp.mutate(v)} requiredMark={false}>
          <Form.Item
            name="name"
            label={t('signUp.name')}
            rules={[
              { required: true, pattern: /^[\u3400-\u9fff·]{2,30}$/u, message: t('signUp.nameInvalid') },
            ]}
          >
            <Input autoComplete="name" size="large" />
          </Form.Item>
          <Form.Item
            name="residentId"
            label={t('signUp.residentId')}
            validateDebounce={200}
            rules={[
              { required: true, message: t('signIn.required') },
              {
                // The same shared validator the server runs, as the person types.
                validator: async (_, value: string) => {
                  if (!value) return;
                  const verdict = validateResidentId(value, 'normalized');
                  if (!verdict.valid)
                    throw new Error(identifierErrorMessage('resident-id', verdict.errors[0]!)[lang]);
                },
              },
            ]}
          >
            <Input autoComplete="off" maxLength={22} size="large" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('signUp.phone')}
            rules={[{ required: true, pattern: PHONE_PATTERN, message: t('signUp.phoneInvalid') }]}
          >
            <Input autoComplete="tel" inputMode="numeric" maxLength={11} size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signUp.password')}
            extra={t('signUp.passwordHint')}
            rules={[{ required: true, min: PASSWORD_MIN, message: t('signUp.passwordHint') }]}
          >
            <Input.Password autoComplete="new-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signUp.isPending}>
            {t('signUp.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to="/sign-in">{t('signUp.haveAccount')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
};
