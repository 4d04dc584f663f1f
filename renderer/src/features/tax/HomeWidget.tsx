import { useRef, useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyDue } from './api';
import { DueList } from './DueList';

const SHOWN = 6;

/** Home: across my companies, what is due soonest, with days left and the one-click nil return. */
export const TaxDueWidget = () => {
  const { t } = useTranslation();
  const due = useMyDue();
  const heading = useRef<HTMLHeadingElement>(null);
  const [all, setAll] = useState(false);
  const items = due.data?.items ?? [];
  if (due.isSuccess && items.length === 0) return null;
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <Card
      data-testid="tax-due-widget"
      loading={due.isLoading}
      title={
        <Typography.Title
          level={2}
          style={{ margin: 0 }}
          ref={heading}
          tabIndex={-1}
          data-testid="tax-due-title"
        >
          {t('tax.due.title')}
        </Typography.Title>
      }
      extra={<Link to="/tax/calendar">{t('tax.due.calendar')}</Link>}
    >
      <DueList items={shown} showCompany heading={heading} />
      {items.length > SHOWN && !all && (
        <Button type="link" onClick={() => setAll(true)}>
          {t('tax.due.more', { count: items.length - SHOWN })}
        </Button>
      )}
    </Card>
  );
};
