import { Button, Form, Input, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfirmationRequestView } from '../../../../shared/api/registration';
import type { ApiRequestError } from '../../api/client';
import { regApi } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Confirmation by an account holder: the password again, so a session left open is not enough. */
export const PasswordConfirm = ({
  confirmationId,
  onDone,
}: {
  confirmationId: string;
  onDone: (v: ConfirmationRequestView) => void;
}) => {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const id = `reg-confirm-password-${confirmationId}`;
  const confirm = useMutation<ConfirmationRequestView, ApiRequestError>({
    mutationFn: () => regApi.confirm(confirmationId, password),
    onSuccess: (v) => {
      setPassword('');
      onDone(v);
    },
  });
  return (
    <Form layout="vertical" onFinish={() => confirm.mutate()} style={{ maxWidth: 560 }}>
      <ErrorAlert error={confirm.error} style={{ marginBottom: 12 }} />
      <Form.Item
        label={t('registration.confirm.password')}
        htmlFor={id}
        extra={t('registration.confirm.passwordHelp')}
      >
        <Space.Compact style={{ width: '100%' }}>
          <Input.Password
            id={id}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button
            type="primary"
            htmlType="submit"
            loading={confirm.isPending}
            disabled={!password}
            data-testid="reg-confirm-me"
          >
            {t('registration.panel.confirmMe')}
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
};
