import { useState } from 'react';
import { Checkbox, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  scopeCatalogue,
  suggestScopes,
  taskCatalogue,
  type ScopeKey,
} from '../../../../shared/delegation/scopes';
import type { Validity } from '../../../../shared/delegation/validity';
import { type ApiRequestError } from '../../api/client';
import { useLocalized } from '../../components/useLang';
import { delegationApi, useRefreshDelegations } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';

type Preset = 'd1' | 'd7' | 'm1' | 'm3' | 'm6' | 'm12' | 'single';
const PRESETS: Preset[] = ['d1', 'd7', 'm1', 'm3', 'm6', 'm12', 'single'];

const validityOf = (preset: Preset, matter: string): Validity => {
  switch (preset) {
    case 'd1':
      return { kind: 'days', days: 1 };
    case 'd7':
      return { kind: 'days', days: 7 };
    case 'single':
      return { kind: 'single-use', matter };
    default:
      return { kind: 'months', months: Number(preset.slice(1)) };
  }
};

/** The agent's request: what they need to do → suggested smallest scopes, how long, a note. */
export const RequestDialog = ({
  companyId,
  open,
  onClose,
  onSent,
}: {
  companyId: string;
  open: boolean;
  onClose: () => void;
  /** After a request was sent: the page moves focus to its pending card. */
  onSent?: () => void;
}) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const refresh = useRefreshDelegations();
  const [tasks, setTasks] = useState<string[]>([]);
  const [scopes, setScopes] = useState<ScopeKey[]>([]);
  const [preset, setPreset] = useState<Preset>('m3');
  const [matter, setMatter] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiRequestError | Error | null>(null);
  const [busy, setBusy] = useState(false);

  // Why 发送申请 stays disabled is said at the field, not left to guess.
  const matterMissing = preset === 'single' && matter.trim().length < 2;

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await delegationApi.request(companyId, {
        scopes,
        validity: validityOf(preset, matter.trim()),
        ...(note.trim() ? { note: note.trim() } : {}),
        tasks,
      });
      refresh();
      onSent?.();
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('delegation.request.title')}
      okText={t('delegation.request.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{
        disabled: scopes.length === 0 || matterMissing,
        ...{ 'data-testid': 'delegation-submit' },
      }}
      width={720}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('delegation.request.tasks')} extra={t('delegation.request.tasksHint')}>
          <Checkbox.Group
            value={tasks}
            onChange={(v) => {
              const next = v.map(String);
              setTasks(next);
              setScopes(suggestScopes(next));
            }}
            options={taskCatalogue.map((task) => ({ value: task.key, label: loc(task.name) }))}
          />
        </Form.Item>
        <Form.Item label={t('delegation.request.scopes')} required>
          <Checkbox.Group
            value={scopes}
            onChange={(v) => setScopes(v as ScopeKey[])}
            style={{ width: '100%' }}
          >
            <Space direction="vertical">
              {scopeCatalogue.map((s) => (
                <Checkbox key={s.key} value={s.key} data-testid={`scope-${s.key}`}>
                  <strong>{loc(s.name)}</strong>{' '}
                  <Typography.Text type="secondary">— {loc(s.description)}</Typography.Text>
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item label={t('delegation.request.validity')} required>
          <Radio.Group
            value={preset}
            onChange={(e) => setPreset(e.target.value as Preset)}
            optionType="button"
            buttonStyle="solid"
          >
            {PRESETS.map((p) => (
              <Radio.Button key={p} value={p} data-testid={`validity-${p}`}>
                {t(`delegation.request.presets.${p}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {preset === 'single' && (
          <Form.Item
            label={t('delegation.request.matter')}
            required
            htmlFor="delegation-matter"
            {...(matterMissing
              ? {
                  validateStatus: 'warning' as const,
                  help: <span data-testid="matter-required">{t('delegation.request.matterRequired')}</span>,
                }
              : {})}
          >
            <Input
              id="delegation-matter"
              value={matter}
              maxLength={200}
              onChange={(e) => setMatter(e.target.value)}
              placeholder={t('delegation.request.matterPlaceholder')}
            />
          </Form.Item>
        )}
        <Form.Item label={t('delegation.request.note')} htmlFor="delegation-note">
          <Input.TextArea
            id="delegation-note"
            value={note}
            maxLength={500}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
};
