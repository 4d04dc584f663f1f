import { Alert, Button, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  findScopeEntry,
  licencesRequiredFor,
  searchScope,
  type ScopeEntry,
} from '../../../../../shared/registration/business-scope';
import { licenceTypeByKey } from '../../../../../shared/licences/catalogue';
import { useLang } from '../../../components/useLang';
import { errorsAt, Field } from '../fields';
import type { StepProps } from './step-props';

const licenceName = (key: string, lang: 'zh' | 'en'): string => licenceTypeByKey(key)?.name[lang] ?? key;

const EntryLine = ({ entry }: { entry: ScopeEntry }) => {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Space wrap>
      <Typography.Text strong>{entry.wording[lang]}</Typography.Text>
      <Typography.Text type="secondary">{entry.code}</Typography.Text>
      <Tag color={entry.kind === 'licensed' ? 'orange' : 'green'}>
        {t(`registration.scope.${entry.kind}`)}
      </Tag>
      {entry.licenceTypeKey && (
        <Tag>{t('registration.scope.needs', { licence: licenceName(entry.licenceTypeKey, lang) })}</Tag>
      )}
    </Space>
  );
};

/** The standard catalogue only: search by keyword or code, general and licensed items marked. */
export const ScopeStep = ({ draft, patch, errors, readOnly }: StepProps) => {
  const { t } = useTranslation();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const chosen = useMemo(() => draft.businessScope ?? [], [draft.businessScope]);
  const results = useMemo(() => searchScope(query, { limit: 15 }), [query]);
  const required = useMemo(() => licencesRequiredFor(chosen.filter((c) => findScopeEntry(c))), [chosen]);
  const toggle = (code: string): void =>
    patch((d) => {
      const list = d.businessScope ?? [];
      d.businessScope = list.includes(code) ? list.filter((c) => c !== code) : [...list, code];
    });
  return (
    <>
      <Typography.Title level={2}>{t('registration.scope.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('registration.scope.intro')}</Typography.Paragraph>
      {!readOnly && (
        <Field id="reg-scope-search" label={t('registration.scope.search')}>
          <Input.Search
            id="reg-scope-search"
            size="large"
            allowClear
            value={query}
            placeholder={t('registration.scope.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </Field>
      )}
      {query.trim() && !readOnly && (
        <List
          bordered
          size="small"
          data-testid="reg-scope-results"
          dataSource={results}
          locale={{ emptyText: t('registration.scope.noResults') }}
          renderItem={(e) => {
            const on = chosen.includes(e.code);
            return (
              <List.Item
                actions={[
                  <Button
                    key="add"
                    type={on ? 'default' : 'primary'}
                    icon={on ? <CheckOutlined aria-hidden /> : <PlusOutlined aria-hidden />}
                    disabled={on}
                    onClick={() => toggle(e.code)}
                    aria-label={`${t('registration.scope.add')} ${e.wording[lang]}`}
                  >
                    {on ? t('registration.scope.added') : t('registration.scope.add')}
                  </Button>,
                ]}
              >
                <EntryLine entry={e} />
              </List.Item>
            );
          }}
          style={{ marginBottom: 24 }}
        />
      )}
      <Typography.Title level={3}>{t('registration.scope.selected')}</Typography.Title>
      {errorsAt(errors, 'businessScope', true).map((m) => (
        <Alert key={m} type="error" showIcon message={m} style={{ marginBottom: 12 }} />
      ))}
      {chosen.length === 0 ? (
        <Empty description={t('registration.scope.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          bordered
          data-testid="reg-scope-selected"
          dataSource={chosen}
          renderItem={(code) => {
            const e = findScopeEntry(code);
            return (
              <List.Item
                actions={
                  readOnly
                    ? []
                    : [
                        <Button
                          key="rm"
                          icon={<DeleteOutlined aria-hidden />}
                          onClick={() => toggle(code)}
                          aria-label={`${t('registration.capital.remove')} ${e?.wording[lang] ?? code}`}
                        >
                          {t('registration.capital.remove')}
                        </Button>,
                      ]
                }
              >
                {e ? <EntryLine entry={e} /> : code}
              </List.Item>
            );
          }}
        />
      )}
      {required.length > 0 && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          data-testid="reg-licences-needed"
          message={t('registration.scope.licences')}
          description={
            <>
              {t('registration.scope.licencesHelp')}
              <ul style={{ margin: '8px 0 0' }}>
                {required.map((r) => (
                  <li key={r.licenceTypeKey}>
                    {licenceName(r.licenceTypeKey, lang)} <Tag>{t(`registration.scope.${r.kind}`)}</Tag>
                  </li>
                ))}
              </ul>
            </>
          }
        />
      )}
    </>
  );
};
