import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { firmApi, useMyFirms } from './api';
import { errorText } from './bits';
import { useQueryClient } from '@tanstack/react-query';

/** Home: the way into the firm workspace for firm members, and invites waiting to be accepted. */
export const FirmHomeWidget = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mine = useMyFirms();
  const firms = mine.data?.firms ?? [];
  const invites = mine.data?.invites ?? [];
  if (firms.length === 0 && invites.length === 0) return null;
  const answer = (id: string, accept: boolean) =>
    void firmApi
      .answerInvite(id, accept)
      .then(() => queryClient.invalidateQueries({ queryKey: ['firms'] }))
      .catch((e: unknown) => void message.error(errorText(e)));
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          <TeamOutlined aria-hidden /> {t('firms.widget.title')}
        </Typography.Title>
      }
      data-testid="firm-widget"
    >
      <List
        dataSource={firms}
        renderItem={(f) => (
          <List.Item
            actions={[
              <Link key="open" to={`/firm/${f.id}/roster`}>
                <Button type="primary" data-testid="open-firm">
                  {t('firms.widget.open')}
                </Button>
              </Link>,
            ]}
          >
            <Space wrap>
              <strong>{f.name}</strong>
              <Tag color={f.role === 'admin' ? 'red' : 'blue'}>{t(`firms.role.${f.role}`)}</Tag>
              <span>{t('firms.widget.clients', { count: f.visibleClients })}</span>
            </Space>
          </List.Item>
        )}
      />
      {invites.map((i) => (
        <List.Item
          key={i.id}
          data-testid="firm-invite"
          actions={[
            <Button key="yes" type="primary" onClick={() => answer(i.id, true)}>
              {t('firms.widget.accept')}
            </Button>,
            <Button key="no" onClick={() => answer(i.id, false)}>
              {t('firms.widget.decline')}
            </Button>,
          ]}
        >
          {t('firms.widget.invite', { firm: i.firmName, role: t(`firms.role.${i.role}`), by: i.invitedBy })}
        </List.Item>
      ))}
    </Card>
  );
};
