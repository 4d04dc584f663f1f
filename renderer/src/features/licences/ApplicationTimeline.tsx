import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/api/licences';
import { formatDateTime } from '../../components/format';

/** Where an application stands: submitted → accepted → decided, the open step against its promised date. */
export const ApplicationTimeline = ({ app }: { app: ApplicationView }) => {
  const { t } = useTranslation();
  const decided = app.status === 'approved' || app.status === 'returned';
  const waiting = `${t('licences.walkthrough.waiting')} · ${t('licences.walkthrough.promisedBy')} ${app.promisedBy}`;
  return (
    <div data-testid="application-timeline">
      <Typography.Title level={4}>{t('licences.walkthrough.timeline')}</Typography.Title>
      <Timeline
        items={[
          {
            color: 'green',
            children: `${t('licences.walkthrough.submitted')} · ${formatDateTime(app.submittedAt)}`,
          },
          app.acceptedAt || decided
            ? {
                color: 'green',
                children: `${t('licences.walkthrough.accepted')}${app.acceptedAt ? ` · ${formatDateTime(app.acceptedAt)}` : ''}`,
              }
            : {
                color: 'blue',
                children: `${t('licences.walkthrough.accepted')} · ${t('licences.walkthrough.waiting')}`,
              },
          decided
            ? {
                color: app.status === 'returned' ? 'red' : 'green',
                children: `${t(app.status === 'returned' ? 'licences.walkthrough.returned' : 'licences.walkthrough.decided')}${app.decidedAt ? ` · ${formatDateTime(app.decidedAt)}` : ''}`,
              }
            : { color: 'gray', children: `${t('licences.walkthrough.decided')} · ${waiting}` },
        ]}
      />
    </div>
  );
};
