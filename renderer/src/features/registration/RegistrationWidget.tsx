import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { ItemMeta } from '../../components/ItemMeta';
import { AuditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApplicationView } from '../../../../shared/api/registration';
import { newIdempotencyKey, type ApiRequestError } from '../../api/client';
import { useMe } from '../../api/queries';
import { formatDateTime } from '../../components/format';
import { regApi, regKeys, useApplications, useReviewQueue } from './api';

const statusColor = {
  draft: 'default',
  confirming: 'blue',
  'in-review': 'purple',
  returned: 'orange',
  approved: 'green',
} as const;

/** Home page: start a company, continue a draft, see what registration produced (company, licence). */
export const RegistrationWidget = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useApplications();
  const [key, setKey] = useState(newIdempotencyKey);
  const create = useMutation<ApplicationView, ApiRequestError>({
    mutationFn: () => regApi.create(key),
    onSuccess: (v) => {
      setKey(newIdempotencyKey());
      queryClient.setQueryData(regKeys.app(v.id), v);
      void queryClient.invalidateQueries({ queryKey: regKeys.list });
      navigate(`/registration/${v.id}`);
    },
    onError: (e) => void message.error(e.message),
  });
  // The five most recent; older ones stay reachable from their company or the inbox.
  const apps = (list.data?.applications ?? []).slice(0, 5);
  return (
    <Card
      data-testid="reg-widget"
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('registration.widget.title')}
        </Typography.Title>
      }
      extra={
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined aria-hidden />}
          loading={create.isPending}
          onClick={() => create.mutate()}
          data-testid="reg-start"
        >
          {t('registration.widget.start')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('registration.widget.intro')}</Typography.Paragraph>
      {apps.length > 0 && (
        <List
          loading={list.isLoading}
          dataSource={apps}
          renderItem={(a) => (
            <List.Item
              data-testid="reg-application"
              actions={[
                <Link key="open" to={`/registration/${a.id}`}>
                  <Button>
                    {a.status === 'approved' || a.status === 'in-review'
                      ? t('registration.widget.view')
                      : t('registration.widget.continue')}
                  </Button>
                </Link>,
                ...(a.companyId
                  ? [
                      <Link key="company" to={`/companies/${a.companyId}`}>
                        <Button type="primary">{t('registration.widget.openCompany')}</Button>
                      </Link>,
                    ]
                  : []),
              ]}
            >
              <ItemMeta
                title={
                  <Space wrap>
                    <span>{a.name ?? t('registration.widget.unnamed')}</span>
                    <Tag color={statusColor[a.status]}>{t(`registration.status.${a.status}`)}</Tag>
                  </Space>
                }
                description={
                  <Space wrap>
                    {a.uscc && <span>{a.uscc}</span>}
                    {a.licenceIdentifier && (
                      <span data-testid="reg-licence-id">
                        {t('registration.widget.licence', { id: a.licenceIdentifier })}
                      </span>
                    )}
                    <span>{t('registration.widget.updated', { time: formatDateTime(a.updatedAt) })}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
};

/** Home page for reviewers: how many registrations wait for a person. */
export const ReviewWidget = () => {
  const { t } = useTranslation();
  const me = useMe();
  const isReviewer = me.data?.role === 'reviewer';
  const queue = useReviewQueue(isReviewer);
  if (!isReviewer) return null;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('registration.widget.reviewTitle')}
        </Typography.Title>
      }
      data-testid="reg-review-widget"
    >
      <Space wrap>
        <Typography.Text>
          {t('registration.widget.reviewCount', { count: queue.data?.items.length ?? 0 })}
        </Typography.Text>
        <Link to="/registration/review">
          <Button type="primary" icon={<AuditOutlined aria-hidden />}>
            {t('registration.widget.reviewOpen')}
          </Button>
        </Link>
      </Space>
    </Card>
  );
};
