import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dayjs } from 'dayjs';
import { api, newIdempotencyKey, type ApiRequestError } from '../../api/client';
import { todosApi } from '../../../../shared/api/contracts/todos';
import type { NoticeInput } from '../../../../shared/todos/notices';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../components/format';
import { useLocalized } from '../../components/useLang';
import { TODOS_KEY } from './api';

type Values = {
  titleZh: string;
  titleEn?: string;
  bodyZh: string;
  bodyEn?: string;
  validFrom: Dayjs;
  validUntil: Dayjs;
  audience: 'everyone' | 'companies';
  divisionPrefix?: string;
  taxpayerType?: 'small-scale' | 'general' | '';
};

const KEY = [...TODOS_KEY, 'all-notices'];

/** Operators (reviewers) publish platform notices and withdraw them; both are audited. */
export const NoticesAdminPage = () => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const notices = useQuery({ queryKey: KEY, queryFn: () => api.call(todosApi.allNotices) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: TODOS_KEY });
  const publish = useMutation<unknown, ApiRequestError, Values>({
    mutationFn: (v) => {
      const body: NoticeInput = {
        title: { zh: v.titleZh, en: v.titleEn ?? '' },
        body: { zh: v.bodyZh, en: v.bodyEn ?? '' },
        validFrom: v.validFrom.format('YYYY-MM-DD'),
        validUntil: v.validUntil.format('YYYY-MM-DD'),
        audience:
          v.audience === 'everyone'
            ? { kind: 'everyone' }
            : {
                kind: 'companies',
                divisionPrefix: v.divisionPrefix ? v.divisionPrefix : null,
                taxpayerType: v.taxpayerType ? v.taxpayerType : null,
              },
      };
      return api.call(todosApi.publishNotice, { body, idempotencyKey: newIdempotencyKey() });
    },
    onSuccess: () => {
      form.resetFields();
      void refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (noticeId: string) => api.call(todosApi.withdrawNotice, { params: { noticeId } }),
    onSuccess: () => void refresh(),
  });
  const audience = Form.useWatch('audience', form);
  return (
    <Card title={<PageTitle title={t('todos.admin.title')} style={{ margin: 0 }} />}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ audience: 'everyone' }}
        onFinish={(v) => publish.mutate(v)}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="titleZh" label={t('todos.admin.titleZh')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="titleEn" label={t('todos.admin.titleEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="bodyZh" label={t('todos.admin.bodyZh')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="bodyEn" label={t('todos.admin.bodyEn')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        {/* Two pickers, not a RangePicker: its separator carries an aria-label on a span (axe: serious). */}
        <Space wrap>
          <Form.Item name="validFrom" label={t('todos.admin.validFrom')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validUntil" label={t('todos.admin.validUntil')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="audience" label={t('todos.admin.audience')}>
          <Radio.Group
            options={[
              { value: 'everyone', label: t('todos.admin.everyone') },
              { value: 'companies', label: t('todos.admin.companies') },
            ]}
          />
        </Form.Item>
        {audience === 'companies' && (
          <Space wrap>
            <Form.Item
              name="divisionPrefix"
              label={t('todos.admin.division')}
              extra={t('todos.admin.divisionHint')}
            >
              <Input maxLength={6} inputMode="numeric" />
            </Form.Item>
            <Form.Item name="taxpayerType" label={t('todos.admin.taxpayerType')}>
              <Select
                style={{ minWidth: 160 }}
                options={[
                  { value: '', label: t('todos.admin.anyType') },
                  { value: 'small-scale', label: t('todos.admin.smallScale') },
                  { value: 'general', label: t('todos.admin.general') },
                ]}
              />
            </Form.Item>
          </Space>
        )}
        {publish.error && (
          <Alert type="error" showIcon message={publish.error.message} style={{ marginBottom: 12 }} />
        )}
        <Button type="primary" htmlType="submit" loading={publish.isPending}>
          {t('todos.admin.publish')}
        </Button>
      </Form>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        {t('todos.admin.list')}
      </Typography.Title>
      <List
        loading={notices.isLoading}
        dataSource={notices.data?.notices ?? []}
        renderItem={(n) => (
          <List.Item
            actions={
              n.withdrawnAt
                ? []
                : [
                    <Button key="w" danger onClick={() => withdraw.mutate(n.id)}>
                      {t('todos.admin.withdraw')}
                    </Button>,
                  ]
            }
          >
            <Space direction="vertical" size={2}>
              <Typography.Text strong>{loc(n.title)}</Typography.Text>
              <Typography.Text type="secondary">
                {formatDate(n.validFrom)} – {formatDate(n.validUntil)}
              </Typography.Text>
              {n.withdrawnAt && <Tag>{t('todos.admin.withdrawn')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
};

/** A reviewer's home: the way to the notices. */
export const NoticesReviewerWidget = () => {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      message={t('todos.admin.widget')}
      action={
        <Link to="/review/notices">
          <Button type="primary">{t('todos.admin.open')}</Button>
        </Link>
      }
    />
  );
};
