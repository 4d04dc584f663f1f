import { Badge, Button, Card, Empty, List, Tag } from 'antd';
import { PageTitle } from '../components/PageTitle';
import { ItemMeta } from '../components/ItemMeta';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useInbox } from '../api/queries';
import { api } from '../api/client';
import { inboxApi } from '../../../shared/api/contracts/inbox';
import { formatDateTime } from '../components/format';
import { useLocalized } from '../components/useLang';

export const InboxPage = () => {
  const { t } = useTranslation();
  const inbox = useInbox();
  const loc = useLocalized();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Card title={<PageTitle title={t('inbox.title')} style={{ margin: 0 }} />}>
      <List
        loading={inbox.isLoading}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
        renderItem={(item) => (
          <List.Item
            data-testid="inbox-item"
            actions={[
              <Button
                key="open"
                type="primary"
                onClick={async () => {
                  await api.call(inboxApi.read, { params: { itemId: item.id } }).catch(() => undefined);
                  void queryClient.invalidateQueries({ queryKey: ['inbox'] });
                  navigate(item.link);
                }}
              >
                {t('inbox.open')}
              </Button>,
            ]}
          >
            <ItemMeta
              title={
                <span>
                  {!item.read && !item.done && (
                    <Badge status="error" text={t('inbox.unread')} style={{ marginRight: 8 }} />
                  )}
                  {loc(item.title)} {item.done && <Tag>{t('inbox.done')}</Tag>}
                </span>
              }
              description={
                <>
                  {item.body ? loc(item.body) : null}{' '}
                  <span style={{ marginLeft: 8 }}>{formatDateTime(item.createdAt)}</span>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
};
