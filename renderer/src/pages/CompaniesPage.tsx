import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { ItemMeta } from '../components/ItemMeta';
import { PageTitle } from '../components/PageTitle';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompanies, useMe } from '../api/queries';
import { formatDate } from '../components/format';
import { homeWidgets, reviewerHomeWidgets } from '../app/home-widgets';

/** Authority staff land on their review queues, each with its count. */
const ReviewerHome = () => {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="reviewer-home">
      <PageTitle title={t('companies.reviewerTitle')} style={{ margin: 0 }} />
      <Typography.Text type="secondary">{t('companies.reviewerIntro')}</Typography.Text>
      {reviewerHomeWidgets.map((Widget, i) => (
        <Widget key={i} />
      ))}
    </Space>
  );
};

/** Home: every company the person is connected to, their role and whether they can act. */
export const CompaniesPage = () => {
  const { t } = useTranslation();
  const me = useMe();
  const companies = useCompanies();
  if (me.isLoading) return <Card loading />;
  if (me.data?.role === 'reviewer') return <ReviewerHome />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {homeWidgets.map((Widget, i) => (
        <Widget key={i} />
      ))}
      <Card title={<PageTitle title={t('companies.title')} style={{ margin: 0 }} />}>
        <List
          loading={companies.isLoading}
          dataSource={companies.data?.companies ?? []}
          locale={{ emptyText: <Empty description={t('companies.empty')} /> }}
          renderItem={(c) => (
            <List.Item
              data-testid="company-row"
              actions={[
                <Link key="open" to={`/companies/${c.id}`}>
                  <Button type="primary">{t('companies.open')}</Button>
                </Link>,
              ]}
            >
              <ItemMeta
                title={
                  <Link to={`/companies/${c.id}`} style={{ fontSize: '1.1em' }}>
                    {c.name}
                  </Link>
                }
                description={
                  <Space wrap>
                    <span>{t('companies.usccValue', { uscc: c.uscc })}</span>
                    {c.roles.map((r) => (
                      <Tag key={r} color={r === 'legal-representative' ? 'red' : 'blue'}>
                        {t(`roles.${r}`)}
                      </Tag>
                    ))}
                    <Tag color={c.canAct ? 'green' : 'default'}>
                      {c.canAct ? t('companies.canAct') : t('companies.viewOnly')}
                    </Tag>
                    {c.actingUntil && (
                      <span>{t('companies.until', { date: formatDate(c.actingUntil) })}</span>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
};
