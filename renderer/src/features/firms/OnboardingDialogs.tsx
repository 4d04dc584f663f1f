import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../components/useLang';
import { scopeCatalogue } from '../../../../shared/delegation/scopes';
import type { FirmRequestResult } from '../../../../shared/api/firms';
import type { RosterRow } from '../../../../shared/firms/roster';
import { firmApi } from './api';
import { cst, errorText } from './bits';

/** Adds a client company by its USCC (it must be registered on the platform). */
export const AddClientDialog = ({
  firmId,
  groups,
  onClose,
  onDone,
}: {
  firmId: string;
  groups: { id: string; name: string }[];
  onClose: () => void;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (v: { uscc: string; contact?: string; groupId?: string }) => {
    setBusy(true);
    setError(null);
    firmApi
      .addClient(firmId, {
        uscc: v.uscc,
        ...(v.contact ? { contact: v.contact } : {}),
        ...(v.groupId ? { groupId: v.groupId } : {}),
      })
      .then((r) => {
        void message.success(
          t(r.alreadyClient ? 'firms.onboarding.already' : 'firms.onboarding.added', { name: r.name }),
        );
        onDone();
        onClose();
      })
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Modal open title={t('firms.onboarding.addTitle')} onCancel={onClose} footer={null}>
      <Form layout="vertical" onFinish={submit} requiredMark>
        <Form.Item
          name="uscc"
          label={t('firms.onboarding.uscc')}
          extra={t('firms.onboarding.usccHint')}
          rules={[{ required: true, message: t('signIn.required') }]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="contact" label={t('firms.onboarding.contact')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="groupId" label={t('firms.onboarding.group')}>
          <Select allowClear options={groups.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.confirm')}
        </Button>
      </Form>
    </Modal>
  );
};

const DEFAULT_SCOPES = ['company.view', 'tax.file', 'tax.pay', 'invoice.manage'];

/** Onboarding: the firm asks the client's legal representative for authorization (approved by face on their phone). */
export const RequestDialog = ({
  firmId,
  client,
  onClose,
  onDone,
}: {
  firmId: string;
  client: RosterRow;
  onClose: () => void;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const l = useLocalized();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<FirmRequestResult | null>(null);
  const submit = (v: { scopes: string[]; months: number; note?: string; handover?: boolean }) => {
    setBusy(true);
    setError(null);
    const body = {
      scopes: v.scopes,
      validity: { kind: 'months' as const, months: v.months },
      ...(v.note ? { note: v.note } : {}),
    };
    // A handover asks the same, and on approval ends the other firm's authorizations at once.
    (v.handover
      ? firmApi.requestHandover(firmId, client.companyId, body)
      : firmApi.requestDelegation(firmId, client.companyId, body)
    )
      .then((r) => {
        setSent(r);
        onDone();
      })
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setBusy(false));
  };
  const link = sent ? new URL(sent.linkPath, window.location.origin).toString() : '';
  return (
    <Modal
      open
      title={t('firms.onboarding.requestTitle', { name: client.name })}
      onCancel={onClose}
      footer={null}
    >
      {sent ? (
        <Alert
          type="success"
          showIcon
          message={t('firms.onboarding.sent', { date: cst(sent.linkExpiresAt) })}
          description={
            <Typography.Paragraph
              copyable={{ text: link }}
              style={{ marginBottom: 0, wordBreak: 'break-all' }}
            >
              {link}
            </Typography.Paragraph>
          }
        />
      ) : (
        <Form layout="vertical" onFinish={submit} initialValues={{ scopes: DEFAULT_SCOPES, months: 12 }}>
          <Typography.Paragraph type="secondary">{t('firms.onboarding.requestHint')}</Typography.Paragraph>
          <Form.Item
            name="scopes"
            label={t('firms.onboarding.scopes')}
            rules={[{ required: true, message: t('signIn.required') }]}
          >
            <Checkbox.Group options={scopeCatalogue.map((s) => ({ value: s.key, label: l(s.name) }))} />
          </Form.Item>
          <Form.Item
            name="months"
            label={t('firms.onboarding.validity')}
            rules={[{ required: true, message: t('signIn.required') }]}
          >
            <InputNumber min={1} max={12} />
          </Form.Item>
          <Form.Item name="note" label={t('firms.onboarding.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
          <Form.Item name="handover" valuePropName="checked" extra={t('firms.onboarding.handoverHint')}>
            <Checkbox data-testid="request-handover">{t('firms.onboarding.handover')}</Checkbox>
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('firms.onboarding.send')}
          </Button>
        </Form>
      )}
    </Modal>
  );
};
