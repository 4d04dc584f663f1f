import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/queries';
import { useExpiring, useReviewQueue } from './api';
import { ExpiryRadar } from './ExpiryRadar';

const ReviewerNotice = () => {
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

/** Home: the expiry radar across all my companies; for authority staff, the review queue. */
export const LicenceHomeWidget = () => {
  const me = useMe();
  const expiring = useExpiring();
  if (me.data?.role === 'reviewer') return <ReviewerNotice />;
  const items = expiring.data?.licences ?? [];
  if (items.length === 0) return null;
  return <ExpiryRadar items={items} showCompany />;
};
