import { Alert, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfirmationRequestView } from '../../../../shared/api/registration';
import type { ApiRequestError } from '../../api/client';
import { regApi } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Confirmation through the link by someone without an account: the one-time code the filer handed on. */
export const CodeConfirm = ({
  token,
  onDone,
}: {
  token: string;
  onDone: (v: ConfirmationRequestView) => void;
}) => {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const confirm = useMutation<ConfirmationRequestView, ApiRequestError>({
    mutationFn: () => regApi.confirmLink(token, code),
    onSuccess: onDone,
  });
  return (
    <>
      <Alert type="info" showIcon message={t('registration.confirm.honest')} />
      <Form layout="vertical" onFinish={() => confirm.mutate()} style={{ maxWidth: 420 }}>
        <ErrorAlert error={confirm.error} style={{ marginBottom: 12 }} />
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
    </>
  );
};
