import { ItemMeta } from '../../components/ItemMeta';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ShareAltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client';
import { formatDateTime } from '../../components/format';
import type { ShareView } from '../../../../shared/api/licences';
import { licenceApi, licenceKeys, useShares } from './api';

const HOURS = [1, 24, 72, 168, 720] as const;
const stateColor = { active: 'green', expired: 'default', revoked: 'volcano' } as const;

type ShareForm = { recipient: string; purpose: string; validHours: number };

/** 用证授权: create a time-limited link for a third party, see who opened it, revoke it. */
export const SharePanel = ({
  companyId,
  licenceId,
  shareable,
}: {
  companyId: string;
  licenceId: string;
  shareable: boolean;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const shares = useShares(companyId, licenceId, true);
  const [form] = Form.useForm<ShareForm>();
  const [busy, setBusy] = useState(false);
  // One key per intent: a double click or a retry after a timeout creates one link, not two.
  const intent = useRef(newIdempotencyKey());
  const refresh = () => queryClient.invalidateQueries({ queryKey: licenceKeys.shares(companyId, licenceId) });

  const create = async (v: ShareForm) => {
    setBusy(true);
    try {
      const share = await licenceApi.share(companyId, licenceId, v, intent.current);
      intent.current = newIdempotencyKey();
      form.resetFields(['recipient', 'purpose']);
      await navigator.clipboard?.writeText(share.url).catch(() => undefined);
      message.success(t('licences.share.created'));
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (s: ShareView) => {
    try {
      await licenceApi.revokeShare(companyId, s.id);
      message.success(t('licences.share.revoked'));
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card
      title={
        <Space>
          <ShareAltOutlined aria-hidden />
          {t('licences.share.title')}
        </Space>
      }
      data-testid="share-panel"
    >
      <Typography.Paragraph type="secondary">{t('licences.share.hint')}</Typography.Paragraph>
      {shareable && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void create(v)}
          initialValues={{ validHours: 24 }}
          requiredMark
        >
          <Space wrap align="start" style={{ width: '100%' }}>
            <Form.Item
              name="recipient"
              label={t('licences.share.recipient')}
              rules={[{ required: true, whitespace: true, max: 100 }]}
            >
              <Input
                placeholder={t('licences.share.recipientPlaceholder')}
                style={{ width: 260 }}
                data-testid="share-recipient"
              />
            </Form.Item>
            <Form.Item
              name="purpose"
              label={t('licences.share.purpose')}
              rules={[{ required: true, whitespace: true, max: 200 }]}
            >
              <Input
                placeholder={t('licences.share.purposePlaceholder')}
                style={{ width: 260 }}
                data-testid="share-purpose"
              />
            </Form.Item>
            <Form.Item name="validHours" label={t('licences.share.validHours')}>
              <Select
                style={{ width: 140 }}
                options={HOURS.map((h) => ({ value: h, label: t(`licences.share.hours.h${h}`) }))}
              />
            </Form.Item>
            <Form.Item label=" ">
              <Button type="primary" htmlType="submit" loading={busy} data-testid="share-create">
                {t('licences.share.create')}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      )}
      <List
        loading={shares.isLoading}
        dataSource={shares.data?.shares ?? []}
        locale={{
          emptyText: <Empty description={t('licences.share.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
        }}
        renderItem={(s) => (
          <List.Item
            data-testid="share-row"
            actions={
              s.state === 'active'
                ? [
                    <Typography.Text
                      key="copy"
                      copyable={{
                        text: s.url,
                        tooltips: [t('licences.share.copy'), t('licences.share.copied')],
                      }}
                    >
                      {t('licences.share.copy')}
                    </Typography.Text>,
                    <Popconfirm
                      key="revoke"
                      title={t('licences.share.revokeConfirm')}
                      onConfirm={() => void revoke(s)}
                    >
                      <Button danger size="small" data-testid="share-revoke">
                        {t('licences.share.revoke')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <ItemMeta
              title={
                <Space wrap>
                  <span>{s.recipient}</span>
                  <Tag color={stateColor[s.state]}>{t(`licences.share.state.${s.state}`)}</Tag>
                </Space>
              }
              description={
                <Space direction="vertical" size={4}>
                  <span>
                    {s.purpose} · {t('licences.share.until', { date: formatDateTime(s.expiresAt) })}
                  </span>
                  {s.state === 'active' && (
                    <Typography.Text
                      type="secondary"
                      ellipsis
                      style={{ maxWidth: 520 }}
                      data-testid="share-url"
                    >
                      {s.url}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary">{t('licences.share.accessLog')}</Typography.Text>
                  {s.access.length === 0 ? (
                    <Typography.Text type="secondary">{t('licences.share.noAccess')}</Typography.Text>
                  ) : (
                    <Timeline
                      style={{ marginTop: 8, marginBottom: -24 }}
                      items={s.access.slice(0, 10).map((a) => ({
                        color: a.outcome === 'shown' ? 'green' : 'red',
                        children: `${formatDateTime(a.at)} ${t(`licences.share.outcome.${a.outcome}`)}${a.client ? ` · ${a.client.slice(0, 60)}` : ''}`,
                      }))}
                    />
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
};
