import { useRef, useState } from 'react';
import { useResultFocus } from '../../components/announce';
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import type { DelegationView } from '../../../../shared/api/delegation';
import { formatDateTime } from '../../components/format';
import { QrImage } from '../../components/QrImage';
import { delegationApi, useRefreshDelegations } from './api';
import { ScopeTags, ValidityText } from './bits';

/** The absolute approval URL: the platform's public address if configured, else this origin. */
export const approvalUrl = (link: NonNullable<DelegationView['link']>): string =>
  link.url ?? `${window.location.origin}${link.path}`;

/** A waiting request: QR code and link for the legal representative's phone; cancel or re-send. */
export const LinkCard = ({ d, focus = false }: { d: DelegationView; focus?: boolean }) => {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Just sent: the card with the link is the result of the request; it is announced and focused.
  useResultFocus(ref, focus, t('delegation.link.title'));
  const { message } = App.useApp();
  const refresh = useRefreshDelegations();
  const [busy, setBusy] = useState<'cancel' | 'resend' | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!d.link) return null;
  const url = approvalUrl(d.link);
  const run = async (what: 'cancel' | 'resend'): Promise<void> => {
    setBusy(what);
    setError(null);
    try {
      await (what === 'cancel' ? delegationApi.cancel(d.id) : delegationApi.resend(d.id));
      if (what === 'resend') void message.success(t('delegation.link.resent'));
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card
      type="inner"
      title={t('delegation.link.title')}
      data-testid="delegation-pending"
      ref={ref}
      tabIndex={-1}
      className="st-result"
    >
      <Space align="start" wrap size="large">
        <QrImage value={url} size={220} alt={t('delegation.link.qr')} testId="approval-qr" />
        <Space direction="vertical" style={{ maxWidth: 560 }}>
          <Typography.Paragraph>{t('delegation.link.hint', { name: d.grantor.name })}</Typography.Paragraph>
          <div>
            <ScopeTags scopes={d.scopes} /> · <ValidityText validity={d.validity} />
          </div>
          <label htmlFor={`link-${d.id}`}>{t('delegation.link.label')}</label>
          <Space.Compact style={{ width: '100%' }}>
            <Input id={`link-${d.id}`} readOnly value={url} data-testid="approval-link" />
            <CopyButton text={url} label={t('delegation.link.copy')} />
          </Space.Compact>
          <Typography.Text type="secondary">
            {t('delegation.link.expires', { date: formatDateTime(d.link.expiresAt) })}
          </Typography.Text>
          {error && <Alert type="error" showIcon message={error} />}
          <Space wrap>
            <Button onClick={() => void run('resend')} loading={busy === 'resend'}>
              {t('delegation.link.resend')}
            </Button>
            <Button danger onClick={() => void run('cancel')} loading={busy === 'cancel'}>
              {t('delegation.link.cancel')}
            </Button>
          </Space>
        </Space>
      </Space>
    </Card>
  );
};
