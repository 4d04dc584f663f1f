import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { PageTitle } from '../components/PageTitle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { SignInResponse } from '../../../shared/api/identity';
import { identityApi } from '../../../shared/api/contracts/identity';
import { api, type ApiRequestError } from '../api/client';
import { completeSignIn } from '../app/auth';

type Values = { login: string; password: string };

export const SignInPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const signIn = useMutation<SignInResponse, ApiRequestError, Values>({
    mutationFn: (v) => api.call(identityApi.signIn, { body: v }),
    onSuccess: async (res) => {
      await completeSignIn(queryClient, res);
      navigate(from, { replace: true });
    },
  });
  return (
    <div className="st-narrow">
      <Card>
        <PageTitle title={t('signIn.title')} />
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        {signIn.error && (
          <Alert
            type="error"
            showIcon
            message={signIn.error.message}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <Form<Values> layout="vertical" onFinish={(v) => signIn.mutate(v)} requiredMark={false}>
          <Form.Item
            name="login"
            label={t('signIn.login')}
            rules={[{ required: true, message: t('signIn.required') }]}
          >
            <Input autoComplete="username" placeholder={t('signIn.loginPlaceholder')} size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[{ required: true, message: t('signIn.required') }]}
          >
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          {t('signIn.noAccount')} <Link to="/sign-up">{t('signIn.signUp')}</Link>
        </Typography.Paragraph>
        <Alert type="info" role="note" message={t('signIn.demoHint')} />
      </Card>
    </div>
  );
};
