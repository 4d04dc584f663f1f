import { Card, Result, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ConfirmationRequestView } from '../../../../shared/api/registration';
import { PrefsBar } from '../../components/PrefsBar';
import { QueryError } from '../../components/QueryError';
import { ArticlesView } from './ArticlesView';
import { regKeys, useConfirmation, useConfirmLink } from './api';
import { CodeConfirm } from './CodeConfirm';
import { FaceConfirm, faceRoutes } from './FaceConfirm';
import { PasswordConfirm } from './PasswordConfirm';

/** The request as the person named sees it: who asks, their roles, the articles. */
const RequestBody = ({ v, children }: { v: ConfirmationRequestView; children: ReactNode }) => {
  const { t } = useTranslation();
  const roles = v.roles.map((r) => t(`registration.roles.${r}`)).join('、');
  if (v.status === 'confirmed')
    return (
      <div data-testid="reg-confirm-done">
        <Result status="success" title={t('registration.confirm.done')} subTitle={v.companyName} />
      </div>
    );
  if (v.stale)
    return <Result status="warning" title={t('registration.confirm.stale')} subTitle={v.companyName} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ fontSize: '1.1em' }}>
        {t('registration.confirm.intro', { filer: v.filerName, company: v.companyName, roles })}
      </Typography.Paragraph>
      <Card size="small">
        <ArticlesView doc={v.articles} />
      </Card>
      {children}
    </Space>
  );
};

/** /registration/confirm/:confirmationId — an account holder confirms from their inbox. */
export const ConfirmPage = () => {
  const { t } = useTranslation();
  const { confirmationId = '' } = useParams();
  const queryClient = useQueryClient();
  const q = useConfirmation(confirmationId);
  if (q.error) return <QueryError error={q.error} />;
  const key = regKeys.confirmation(confirmationId);
  const done = (v: ConfirmationRequestView): void => {
    queryClient.setQueryData(key, v);
  };
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('registration.confirm.title')}
        </Typography.Title>
      }
      loading={!q.data}
    >
      {q.data && (
        <RequestBody v={q.data}>
          {q.data.method === 'face' ? (
            <FaceConfirm
              v={q.data}
              routes={faceRoutes.signedIn(confirmationId)}
              phoneLinkPath={q.data.linkPath}
              onConfirmed={done}
              onSettled={() => void queryClient.invalidateQueries({ queryKey: key })}
            />
          ) : (
            <PasswordConfirm confirmationId={confirmationId} onDone={done} />
          )}
        </RequestBody>
      )}
    </Card>
  );
};

/**
 * /registration/confirm-link/:token — on a phone, often without an account: the legal representative
 * by face, anyone else with the one-time code.
 */
export const LinkConfirmPage = () => {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const q = useConfirmLink(token);
  const key = regKeys.link(token);
  const done = (v: ConfirmationRequestView): void => {
    queryClient.setQueryData(key, v);
  };
  return (
    <div className="st-page">
      <PrefsBar />
      {q.error ? (
        <QueryError error={q.error} />
      ) : (
        <Card
          title={
            <Typography.Title level={2} style={{ margin: 0, whiteSpace: 'normal' }}>
              {t('registration.confirm.title')}
            </Typography.Title>
          }
          loading={!q.data}
        >
          {q.data && (
            <RequestBody v={q.data}>
              {q.data.method === 'face' ? (
                <FaceConfirm
                  v={q.data}
                  routes={faceRoutes.link(token)}
                  phoneLinkPath={null}
                  onConfirmed={done}
                  onSettled={() => void queryClient.invalidateQueries({ queryKey: key })}
                />
              ) : (
                <CodeConfirm token={token} onDone={done} />
              )}
            </RequestBody>
          )}
        </Card>
      )}
    </div>
  );
};
