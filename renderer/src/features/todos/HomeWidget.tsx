import { Button, Card, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTodos } from './api';
import { TodoRow } from './TodoRow';

const TOP = 5;

/** Home: the soonest to-dos across the person's companies, with the way to the full list. */
export const TodosHomeWidget = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const todos = useTodos('mine', { limit: TOP });
  const items = todos.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      data-testid="todos-widget"
      title={
        <span role="heading" aria-level={2}>
          {t('todos.widgetTitle')}
        </span>
      }
      extra={
        <Button type="link" onClick={() => navigate('/todos')}>
          {t('todos.widgetAll')}（{todos.data?.total ?? 0}）
        </Button>
      }
    >
      <List dataSource={items} renderItem={(item) => <TodoRow item={item} showCompany />} />
    </Card>
  );
};
