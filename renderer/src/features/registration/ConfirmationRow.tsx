import { Alert, List, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import type { ConfirmationEntry, ConfirmationMethod } from '../../../../shared/api/registration';
import { formatDateTime } from '../../components/format';
import { MyFaceConfirm } from './FaceConfirm';
import { PasswordConfirm } from './PasswordConfirm';
import { PhoneLink } from './PhoneLink';

const methodText: Record<ConfirmationMethod, string> = {
  password: 'registration.panel.byPassword',
  code: 'registration.panel.byCode',
  face: 'registration.panel.byFace',
};

/** For someone without an account: the link and the one-time code the filer hands on together. */
const CodeLink = ({ linkPath, code, name }: { linkPath: string; code: string; name: string }) => {
  const { t } = useTranslation();
  const link = `${window.location.origin}${linkPath}`;
  return (
    <Alert
      type="info"
      message={t('registration.panel.codeFor', { name })}
      description={
        <Space wrap>
          <Typography.Text code copyable={false} data-testid="reg-link">
            {link}
          </Typography.Text>
          <CopyButton text={link} size="small" />
          <span>
            {t('registration.panel.code')}：
            <Typography.Text
              strong
              data-testid="reg-code"
              style={{ fontSize: '1.3em', letterSpacing: '0.2em' }}
            >
              {code}
            </Typography.Text>
          </span>
        </Space>
      }
    />
  );
};

/** What the filer can do for a pending confirmation: confirm their own, or pass the link (and code) on. */
const PendingAction = ({ c, onConfirmed }: { c: ConfirmationEntry; onConfirmed: () => void }) => {
  const { t } = useTranslation();
  if (c.method === 'face')
    return c.isMe ? (
      <MyFaceConfirm confirmationId={c.id} phoneLinkPath={c.linkPath} onConfirmed={onConfirmed} />
    ) : c.linkPath ? (
      <Alert
        type="info"
        description={
          <PhoneLink
            linkPath={c.linkPath}
            hint={t('registration.panel.faceLinkHint')}
            testId="reg-face-link"
          />
        }
      />
    ) : null;
  if (c.method === 'password')
    return c.isMe ? <PasswordConfirm confirmationId={c.id} onDone={onConfirmed} /> : null;
  return c.linkPath && c.code ? <CodeLink linkPath={c.linkPath} code={c.code} name={c.name} /> : null;
};

/** One person's confirmation as the filer sees it: roles, state, method, and what to do while pending. */
export const ConfirmationRow = ({ c, onConfirmed }: { c: ConfirmationEntry; onConfirmed: () => void }) => {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="reg-confirmation">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.roles.map((r) => (
            <Tag key={r}>{t(`registration.roles.${r}`)}</Tag>
          ))}
          {c.status === 'confirmed' ? (
            <Tag icon={<CheckCircleOutlined aria-hidden />} color="success">
              {t('registration.panel.confirmed', {
                time: c.confirmedAt ? formatDateTime(c.confirmedAt) : '',
              })}
            </Tag>
          ) : (
            <Tag icon={<ClockCircleOutlined aria-hidden />} color="warning">
              {t('registration.panel.pending')}
            </Tag>
          )}
          <Typography.Text type="secondary">{t(methodText[c.method])}</Typography.Text>
        </Space>
        {c.status === 'pending' && <PendingAction c={c} onConfirmed={onConfirmed} />}
      </Space>
    </List.Item>
  );
};
