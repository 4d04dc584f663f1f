import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApprovalQueue } from './api';

/** Home: how many requests wait for the person's face, with the way to the one queue. */
export const ApprovalsHomeWidget = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queue = useApprovalQueue();
  const count = queue.data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="approvals-widget"
      message={t('approvals.widget', { count })}
      action={
        <Button type="primary" onClick={() => navigate('/approvals')}>
          {t('approvals.open')}
        </Button>
      }
    />
  );
};
