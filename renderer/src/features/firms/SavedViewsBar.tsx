import { App, Button, Input, Popover, Select, Space } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { RosterFilters } from '../../../../shared/firms/roster-filter';
import { firmApi, firmKeys, useSavedViews } from './api';
import { errorText } from './bits';

/** Named roster filters, kept per person on the platform (they follow you to any machine). */
export const SavedViewsBar = ({
  firmId,
  filters,
  onApply,
}: {
  firmId: string;
  filters: RosterFilters;
  onApply: (f: RosterFilters) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const views = useSavedViews(firmId);
  const [current, setCurrent] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const reload = () => void queryClient.invalidateQueries({ queryKey: firmKeys.views(firmId) });
  const save = () =>
    void firmApi
      .saveView(firmId, { name: name.trim(), filters })
      .then(() => {
        void message.success(t('firms.roster.views.saved', { name: name.trim() }));
        setOpen(false);
        reload();
      })
      .catch((e: unknown) => void message.error(errorText(e)));
  return (
    <Space.Compact>
      <Select
        aria-label={t('firms.roster.views.label')}
        placeholder={t('firms.roster.views.label')}
        style={{ minWidth: 180 }}
        allowClear
        value={current}
        onChange={(id: string | undefined) => {
          setCurrent(id ?? null);
          const view = views.data?.views.find((v) => v.id === id);
          onApply(view ? view.filters : {});
        }}
        options={(views.data?.views ?? []).map((v) => ({ value: v.id, label: v.name }))}
        data-testid="saved-views"
      />
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        content={
          <Space>
            <Input
              aria-label={t('firms.roster.views.name')}
              placeholder={t('firms.roster.views.name')}
              value={name}
              maxLength={40}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={save}
            />
            <Button type="primary" disabled={!name.trim()} onClick={save}>
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        <Button
          icon={<SaveOutlined aria-hidden />}
          aria-label={t('firms.roster.views.save')}
          title={t('firms.roster.views.save')}
        />
      </Popover>
      {current && (
        <Button
          icon={<DeleteOutlined aria-hidden />}
          aria-label={t('firms.roster.views.delete')}
          title={t('firms.roster.views.delete')}
          onClick={() =>
            void firmApi
              .deleteView(firmId, current)
              .then(() => {
                setCurrent(null);
                reload();
              })
              .catch((e: unknown) => void message.error(errorText(e)))
          }
        />
      )}
    </Space.Compact>
  );
};
