import { Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TodoItem } from '../../../../shared/todos/model';
import { formatDate } from '../../components/format';
import { useLocalized } from '../../components/useLang';

/** How close a deadline is, in words and colour. */
export const DueTag = ({ item }: { item: TodoItem }) => {
  const { t } = useTranslation();
  if (item.overdue) return <Tag color="red">{t('todos.overdue', { count: -item.daysLeft })}</Tag>;
  if (item.daysLeft === 0) return <Tag color="orange">{t('todos.today')}</Tag>;
  return (
    <Tag color={item.daysLeft <= 3 ? 'orange' : 'blue'}>{t('todos.daysLeft', { count: item.daysLeft })}</Tag>
  );
};

/** One item: what, for whom, by when, and the button that opens the page resolving it. */
export const TodoRow = ({ item, showCompany }: { item: TodoItem; showCompany: boolean }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const navigate = useNavigate();
  return (
    <List.Item
      data-testid="todo-item"
      data-kind={item.kind}
      actions={[
        <Button
          key="go"
          type={item.overdue ? 'primary' : 'default'}
          onClick={() => navigate(item.action.path)}
        >
          {loc(item.action.label)}
        </Button>,
      ]}
    >
      <Space direction="vertical" size={2}>
        <Space wrap size={4}>
          <Tag>{t(`todos.kinds.${item.kind}`)}</Tag>
          <Typography.Text strong>{loc(item.title)}</Typography.Text>
        </Space>
        <Space wrap size={8}>
          {showCompany && item.companyName && <Typography.Text>{item.companyName}</Typography.Text>}
          <Typography.Text type="secondary">
            {t('todos.due', { date: formatDate(item.dueDate) })}
          </Typography.Text>
          <DueTag item={item} />
        </Space>
      </Space>
    </List.Item>
  );
};
