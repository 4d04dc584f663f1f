import { useState } from 'react';
import { PageTitle } from '../components/PageTitle';
import { Alert, Button, Card, Checkbox, Form, Input, List, Steps, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PHONE_PATTERN, PASSWORD_MIN } from '../../../shared/api/identity';
import {
  type SignUpPhoneVerified,
  type SignUpStarted,
  type SignUpStartRequest,
} from '../../../shared/api/sign-up';
import { signUpApi } from '../../../shared/api/contracts/sign-up';
import { validateResidentId } from '../../../shared/identifiers/resident-id';
import { identifierErrorMessage } from '../../../shared/identifiers/messages';
import { api, type ApiRequestError } from '../api/client';
import { completeSignIn } from '../app/auth';
import { useLang } from '../components/useLang';
import { FaceCapture, faceTestIds } from '../components/face/FaceCapture';

type Identity = Omit<SignUpStartRequest, 'faceConsent'> & { faceConsent: boolean };

/** The development SMS outbox, where the platform has one (demo/dev); nothing in production. */
const DevOutbox = ({ phone }: { phone: string }) => {
  const { t } = useTranslation();
  const outbox = useQuery({
    queryKey: ['dev-sms-outbox', phone],
    queryFn: () => api.call(signUpApi.devSmsOutbox, { query: { phone } }),
    retry: false,
    refetchInterval: 3000,
  });
  if (!outbox.data) return null;
  return (
    <Alert
      type="info"
      data-testid="dev-sms-outbox"
      message={t('signUp.devOutbox')}
      description={
        <List
          size="small"
          dataSource={outbox.data.messages.slice(0, 3)}
          renderItem={(m) => <List.Item>{m.text}</List.Item>}
        />
      }
    />
  );
};

/** Verified sign-up: name + ID against the identity authority, the phone by SMS code, a live face. */
export const SignUpPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Identity>();
  const [started, setStarted] = useState<{ id: string; phone: string } | undefined>();
  const [phoneDone, setPhoneDone] = useState(false);
  const [password, setPassword] = useState('');
  const start = useMutation<SignUpStarted, ApiRequestError, Identity>({
    mutationFn: (v) => api.call(signUpApi.start, { body: { ...v, faceConsent: true } }),
    onSuccess: (res, v) => setStarted({ id: res.signUpId, phone: v.phone }),
    onError: (e) => {
      if (e.field) form.setFields([{ name: e.field as keyof Identity, errors: [e.message] }]);
    },
  });
  const verifyPhone = useMutation<SignUpPhoneVerified, ApiRequestError, { code: string }>({
    mutationFn: ({ code }) =>
      api.call(signUpApi.phone, {
        params: { signUpId: started!.id },
        body: { phone: started!.phone, code },
      }),
    onSuccess: () => setPhoneDone(true),
  });
  const step = !started ? 0 : !phoneDone ? 1 : 2;
  const error = start.error ?? verifyPhone.error;
  return (
    <div className="st-narrow">
      <Card>
        <PageTitle title={t('signUp.title')} />
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 16 }}
          items={[
            { title: t('signUp.stepIdentity') },
            { title: t('signUp.stepPhone') },
            { title: t('signUp.stepFace') },
          ]}
        />
        {error && !(step === 0 && error.field) && (
          <Alert type="error" showIcon message={error.message} role="alert" style={{ marginBottom: 16 }} />
        )}
        {step === 0 && (
          <Form<Identity>
            form={form}
            layout="vertical"
            onFinish={(v) => start.mutate(v)}
            requiredMark={false}
          >
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
            <Typography.Paragraph type="secondary">{t('signUp.faceNotice')}</Typography.Paragraph>
            <Form.Item
              name="faceConsent"
              valuePropName="checked"
              rules={[
                {
                  validator: async (_, v: boolean) =>
                    v ? undefined : Promise.reject(new Error(t('signUp.consentRequired'))),
                },
              ]}
            >
              <Checkbox data-testid="sign-up-consent">{t('signUp.faceConsent')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={start.isPending}>
              {t('signUp.next')}
            </Button>
          </Form>
        )}
        {step === 1 && started && (
          <Form<{ code: string }>
            layout="vertical"
            onFinish={(v) => verifyPhone.mutate(v)}
            requiredMark={false}
          >
            <Form.Item
              name="code"
              label={t('signUp.code')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('signUp.codeInvalid') }]}
            >
              <Input inputMode="numeric" maxLength={6} size="large" autoComplete="one-time-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={verifyPhone.isPending}>
              {t('signUp.next')}
            </Button>
            <div style={{ marginTop: 16 }}>
              <DevOutbox phone={started.phone} />
            </div>
          </Form>
        )}
        {step === 2 && started && (
          <>
            {/* Vertical like the other steps: the label above the field, also on a phone. */}
            <Form layout="vertical" component="div">
              <Form.Item label={t('signUp.password')} extra={t('signUp.passwordHint')}>
                <Input.Password
                  autoComplete="new-password"
                  size="large"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  data-testid="sign-up-password"
                />
              </Form.Item>
            </Form>
            <FaceCapture
              getChallenge={() => api.call(signUpApi.faceChallenge, { params: { signUpId: started.id } })}
              submit={(challengeId, frames) =>
                api.call(signUpApi.complete, {
                  params: { signUpId: started.id },
                  body: { challengeId, frames, password },
                })
              }
              onDone={async (res) => {
                await completeSignIn(queryClient, res);
                navigate('/', { replace: true });
              }}
              startLabel={t('signUp.submit')}
              retryLabel={t('signUp.retry')}
              disabled={password.length < PASSWORD_MIN}
              testIds={faceTestIds('sign-up-face')}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
              {t('signUp.counterPath')}
            </Typography.Paragraph>
          </>
        )}
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to="/sign-in">{t('signUp.haveAccount')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
};
