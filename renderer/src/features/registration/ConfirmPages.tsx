import { Alert, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ConfirmationRequestView } from '../../../../shared/api/registration';
import type { ApiRequestError } from '../../api/client';
import { PrefsBar } from '../../components/PrefsBar';
import { QueryError } from '../../components/QueryError';
import { ArticlesView } from './ArticlesView';
import { regApi, regKeys, useConfirmation, useConfirmLink } from './api';
import { PasswordConfirm } from './PasswordConfirm';

/** The request as the person named sees it: who asks, their roles, the articles. */
const RequestBody = ({ v, children }: { v: ConfirmationRequestView; children: ReactNode }) => {
  const { t } = useTranslation();
  const roles = v.roles.map((r) => t(`registration.roles.${r}`)).join('、');
  if (v.status === 'confirmed')
    return (
      <div data-testid="reg-confirm-done">
        <Result status="success" title={t('registration.confirm.done')} subTitle={v.companyName} />
      </div>
    );
  if (v.stale)
    return <Result status="warning" title={t('registration.confirm.stale')} subTitle={v.companyName} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ fontSize: '1.1em' }}>
        {t('registration.confirm.intro', { filer: v.filerName, company: v.companyName, roles })}
      </Typography.Paragraph>
      <Card size="small">
        <ArticlesView doc={v.articles} />
      </Card>
      {children}
    </Space>
  );
};

/** /registration/confirm/:confirmationId — an account holder confirms from their inbox. */
export const ConfirmPage = () => {
  const { t } = useTranslation();
  const { confirmationId = '' } = useParams();
  const queryClient = useQueryClient();
  const q = useConfirmation(confirmationId);
  if (q.error) return <QueryError error={q.error} />;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('registration.confirm.title')}
        </Typography.Title>
      }
      loading={!q.data}
    >
      {q.data && (
        <RequestBody v={q.data}>
          <PasswordConfirm
            confirmationId={confirmationId}
            onDone={(v) => queryClient.setQueryData(regKeys.confirmation(confirmationId), v)}
          />
        </RequestBody>
      )}
    </Card>
  );
};

/** /registration/confirm-link/:token — someone without an account confirms with the one-time code. */
export const LinkConfirmPage = () => {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const q = useConfirmLink(token);
  const [code, setCode] = useState('');
  const confirm = useMutation<ConfirmationRequestView, ApiRequestError>({
    mutationFn: () => regApi.confirmLink(token, code),
    onSuccess: (v) => queryClient.setQueryData(regKeys.link(token), v),
  });
  return (
    <div className="st-page">
      <PrefsBar />
      {q.error ? (
        <QueryError error={q.error} />
      ) : (
        <Card
          title={
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t('registration.confirm.title')}
            </Typography.Title>
          }
          loading={!q.data}
        >
          {q.data && (
            <RequestBody v={q.data}>
              <Alert type="info" showIcon message={t('registration.confirm.honest')} />
              <Form layout="vertical" onFinish={() => confirm.mutate()} style={{ maxWidth: 420 }}>
                {confirm.error && (
                  <Alert
                    type="error"
                    showIcon
                    role="alert"
                    message={confirm.error.message}
                    style={{ marginBottom: 12 }}
                  />
                )}
                <Form.Item
                  label={t('registration.confirm.code')}
                  htmlFor="reg-code-input"
                  extra={t('registration.confirm.codeHelp')}
                >
                  <Input
                    id="reg-code-input"
                    inputMode="numeric"
                    maxLength={6}
                    size="large"
                    value={code}
                    onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
                  />
                </Form.Item>
                <Button
                  type="primary"
                  size="large"
                  htmlType="submit"
                  disabled={code.length !== 6}
                  loading={confirm.isPending}
                  data-testid="reg-code-submit"
                >
                  {t('registration.confirm.submit')}
                </Button>
              </Form>
            </RequestBody>
          )}
        </Card>
      )}
    </div>
  );
};
