import { Card, List, Typography } from 'antd';
import { ItemMeta } from '../../components/ItemMeta';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyAnnualDue } from './api';
import { DueText } from './bits';

/** Home: the annual reports due across my companies, with days left. */
export const AnnualDueWidget = () => {
  const { t } = useTranslation();
  const due = useMyAnnualDue();
  const items = due.data?.items ?? [];
  if (due.isSuccess && items.length === 0) return null;
  return (
    <Card
      data-testid="annual-due-widget"
      loading={due.isLoading}
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('annual.dueTitle')}
        </Typography.Title>
      }
    >
      <List
        dataSource={items}
        renderItem={(i) => (
          <List.Item
            key={i.companyId}
            actions={[
              <Link key="file" to={`/companies/${i.companyId}/annual-reports`}>
                {t('annual.file')}
              </Link>,
            ]}
          >
            <ItemMeta title={i.companyName} description={<DueText due={i.due} />} />
          </List.Item>
        )}
      />
    </Card>
  );
};
