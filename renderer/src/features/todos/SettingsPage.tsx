import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Space, Typography, message } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api/client';
import { todosApi } from '../../../../shared/api/contracts/todos';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../components/format';
import { desktop } from '../../desktop';
import { TODOS_KEY, useTodoSettings } from './api';

const LEAD_OPTIONS = [30, 14, 7, 3, 1, 0];

const permissionNow = (): NotificationPermission | 'unsupported' =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/** Desktop notifications: the browser asks once, from a click (browsers refuse a prompt without one). */
const NotificationSetting = () => {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(permissionNow);
  if (desktop.kind === 'electron')
    return <Typography.Paragraph>{t('todos.settingsPage.notifyDesktop')}</Typography.Paragraph>;
  if (permission === 'granted')
    return (
      <Alert
        type="success"
        showIcon
        message={t('todos.settingsPage.notifyGranted')}
        data-testid="notify-granted"
      />
    );
  if (permission === 'denied' || permission === 'unsupported')
    return <Alert type="warning" showIcon message={t('todos.settingsPage.notifyDenied')} />;
  return (
    <Button
      data-testid="notify-allow"
      onClick={async () => setPermission(await Notification.requestPermission())}
    >
      {t('todos.settingsPage.notifyAllow')}
    </Button>
  );
};

/** Reminder lead times, desktop notifications and the calendar feed link. */
export const TodoSettingsPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useTodoSettings();
  const [lead, setLead] = useState<number[]>([]);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setLead(settings.data.leadDays);
  }, [settings.data]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...TODOS_KEY, 'settings'] });
  const save = useMutation({
    mutationFn: () => api.call(todosApi.saveSettings, { body: { leadDays: lead } }),
    onSuccess: () => {
      void message.success(t('todos.settingsPage.saved'));
      void refresh();
    },
  });
  const rotate = useMutation({
    mutationFn: () => api.call(todosApi.rotateCalendar, { idempotencyKey: newIdempotencyKey() }),
    onSuccess: (r) => {
      setFeedUrl(r.url);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.call(todosApi.revokeCalendar),
    onSuccess: () => {
      setFeedUrl(null);
      void refresh();
    },
  });
  const calendar = settings.data?.calendar;
  return (
    <Card title={<PageTitle title={t('todos.settingsPage.title')} style={{ margin: 0 }} />}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <section aria-labelledby="todo-lead">
          <Typography.Title level={2} id="todo-lead" style={{ fontSize: 16 }}>
            {t('todos.settingsPage.leadTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('todos.settingsPage.leadHint')}</Typography.Paragraph>
          <Checkbox.Group
            value={lead}
            onChange={(v) => setLead(v)}
            options={LEAD_OPTIONS.map((d) => ({
              value: d,
              label:
                d === 0 ? t('todos.settingsPage.leadToday') : t('todos.settingsPage.leadDay', { count: d }),
            }))}
          />
          <div style={{ marginTop: 8 }}>
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => save.mutate()}
              data-testid="lead-save"
            >
              {t('todos.settingsPage.save')}
            </Button>
          </div>
        </section>
        <section aria-labelledby="todo-notify">
          <Typography.Title level={2} id="todo-notify" style={{ fontSize: 16 }}>
            {t('todos.settingsPage.notifyTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('todos.settingsPage.notifyHint')}</Typography.Paragraph>
          <NotificationSetting />
        </section>
        <section aria-labelledby="todo-calendar">
          <Typography.Title level={2} id="todo-calendar" style={{ fontSize: 16 }}>
            {t('todos.settingsPage.calendarTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('todos.settingsPage.calendarHint')}</Typography.Paragraph>
          <Typography.Paragraph data-testid="calendar-state">
            {calendar?.active && calendar.createdAt
              ? t('todos.settingsPage.calendarOn', { date: formatDate(calendar.createdAt) })
              : t('todos.settingsPage.calendarOff')}
          </Typography.Paragraph>
          {feedUrl && (
            <label style={{ display: 'block', marginBottom: 8 }}>
              {t('todos.settingsPage.calendarUrl')}
              <Input readOnly value={feedUrl} data-testid="calendar-url" />
            </label>
          )}
          <Space>
            <Button onClick={() => rotate.mutate()} loading={rotate.isPending} data-testid="calendar-rotate">
              {calendar?.active
                ? t('todos.settingsPage.calendarRotate')
                : t('todos.settingsPage.calendarCreate')}
            </Button>
            {calendar?.active && (
              <Button danger onClick={() => revoke.mutate()} loading={revoke.isPending}>
                {t('todos.settingsPage.calendarRevoke')}
              </Button>
            )}
          </Space>
        </section>
      </Space>
    </Card>
  );
};
