import { Drawer, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { QueryError } from '../../components/QueryError';
import { useAudit } from './api';

/** Every transition of an authorization and everything the delegate did under it. */
export const AuditDrawer = ({
  delegationId,
  onClose,
}: {
  delegationId: string | null;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const trail = useAudit(delegationId);
  const actorOf = (actingAs: string, name: string | null): string =>
    name ?? (actingAs === 'link-holder' ? t('delegation.audit.linkHolder') : t('delegation.audit.system'));
  return (
    <Drawer
      open={!!delegationId}
      onClose={onClose}
      title={t('delegation.audit.title')}
      width={520}
      loading={trail.isLoading}
    >
      {trail.error ? (
        <QueryError error={trail.error} />
      ) : (
        <Timeline
          data-testid="audit-trail"
          items={(trail.data?.entries ?? []).map((e) => ({
            children: (
              <div data-testid="audit-entry">
                <Typography.Text strong>
                  {i18n.exists(`delegation.actions.${e.action}`)
                    ? t(`delegation.actions.${e.action}`)
                    : e.action}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {formatDateTime(e.at)} · {t('delegation.audit.actor')}：{actorOf(e.actingAs, e.actorName)}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
};
