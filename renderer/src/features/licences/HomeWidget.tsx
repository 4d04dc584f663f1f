import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useExpiring, useReviewQueue } from './api';
import { ExpiryRadar } from './ExpiryRadar';

/** A reviewer's home: how many licence-free applications wait for review. */
export const ReviewerNotice = () => {
  const { t } = useTranslation();
  const queue = useReviewQueue('open');
  const count = queue.data?.applications.length ?? 0;
  return (
    <Alert
      type={count ? 'warning' : 'info'}
      showIcon
      data-testid="review-widget"
      message={t('licences.review.widget', { count })}
      action={
        <Link to="/review/licences">
          <Button type="primary">{t('licences.review.open')}</Button>
        </Link>
      }
    />
  );
};

/** Home: the expiry radar across all my companies. */
export const LicenceHomeWidget = () => {
  const expiring = useExpiring();
  const items = expiring.data?.licences ?? [];
  if (items.length === 0) return null;
  return <ExpiryRadar items={items} showCompany />;
};
