import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { useLocalized } from '../../components/useLang';
import { useNotices } from './api';

/** Platform notices in force for the person (e.g. the tax bureau's maintenance), on the home page. */
export const NoticesBanner = () => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const notices = useNotices();
  const list = notices.data?.notices ?? [];
  if (list.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="notices-banner">
      {list.map((n) => (
        <Alert
          key={n.id}
          type="info"
          showIcon
          message={`${t('todos.notices.label')}：${loc(n.title)}`}
          description={
            <>
              {loc(n.body)} <span>{t('todos.notices.until', { date: formatDate(n.validUntil) })}</span>
            </>
          }
        />
      ))}
    </Space>
  );
};
