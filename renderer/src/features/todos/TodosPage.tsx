import { useState } from 'react';
import { Button, Card, Empty, List, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TodoKind } from '../../../../shared/todos/model';
import { groupByClient } from '../../../../shared/todos/rules';
import { PageTitle } from '../../components/PageTitle';
import { useTodoFirms, useTodos, type TodoScope } from './api';
import { TodoRow } from './TodoRow';

/** 待办: every deadline across the person's companies, or a firm's clients, grouped by client. */
export const TodosPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const firms = useTodoFirms();
  const [scopeKey, setScopeKey] = useState('mine');
  const [kind, setKind] = useState<TodoKind | ''>('');
  const [grouped, setGrouped] = useState(true);
  const scope: TodoScope = scopeKey === 'mine' ? 'mine' : { firmId: scopeKey };
  const todos = useTodos(scope, kind ? { kind } : {});
  const items = todos.data?.items ?? [];
  const scopes = [
    { value: 'mine', label: t('todos.scopeMine') },
    ...(firms.data?.firms ?? []).map((f) => ({ value: f.id, label: t('todos.scopeFirm', { name: f.name }) })),
  ];
  return (
    <Card
      title={<PageTitle title={t('todos.title')} style={{ margin: 0 }} />}
      extra={<Button onClick={() => navigate('/todos/settings')}>{t('todos.settings')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('todos.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <label>
          {t('todos.scope')}{' '}
          <Select
            aria-label={t('todos.scope')}
            data-testid="todo-scope"
            value={scopeKey}
            onChange={setScopeKey}
            options={scopes}
            style={{ minWidth: 200 }}
          />
        </label>
        <label>
          {t('todos.kindFilter')}{' '}
          <Select
            aria-label={t('todos.kindFilter')}
            data-testid="todo-kind"
            value={kind}
            onChange={setKind}
            options={[
              { value: '', label: t('todos.kindAll') },
              ...TodoKind.options.map((k) => ({ value: k, label: t(`todos.kinds.${k}`) })),
            ]}
            style={{ minWidth: 180 }}
          />
        </label>
        <label>
          <Switch checked={grouped} onChange={setGrouped} aria-label={t('todos.grouped')} />{' '}
          {t('todos.grouped')}
        </label>
        <Typography.Text type="secondary" data-testid="todo-total">
          {t('todos.total', { count: todos.data?.total ?? 0 })}
        </Typography.Text>
      </Space>
      {items.length === 0 && !todos.isLoading ? (
        <Empty description={t('todos.empty')} />
      ) : grouped ? (
        groupByClient(items).map((g) => (
          <section
            key={g.companyId ?? 'none'}
            data-testid="todo-group"
            aria-label={g.companyName ?? t('todos.noCompany')}
          >
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
              {g.companyName ?? t('todos.noCompany')}{' '}
              {g.uscc && (
                <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
                  {g.uscc}
                </Typography.Text>
              )}
            </Typography.Title>
            <List dataSource={g.items} renderItem={(item) => <TodoRow item={item} showCompany={false} />} />
          </section>
        ))
      ) : (
        <List
          loading={todos.isLoading}
          dataSource={items}
          renderItem={(item) => <TodoRow item={item} showCompany />}
        />
      )}
    </Card>
  );
};
