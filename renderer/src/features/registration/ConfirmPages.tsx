import { Card, Result, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ConfirmationRequestView } from '../../../../shared/api/registration';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ArticlesView } from './ArticlesView';
import { regKeys, useConfirmation, useConfirmLink } from './api';
import { CodeConfirm } from './CodeConfirm';
import { FaceConfirm, faceRoutes, type FaceRoutes } from './FaceConfirm';
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

/**
 * The request with its way to confirm: the legal representative by face, anyone else by `other`
 * (password or one-time code). A confirmation replaces the cached request; a failed face check
 * refreshes it, since it counts against the attempts left.
 */
const ConfirmationCard = ({
  v,
  queryKey,
  face,
  phoneLinkPath,
  other,
}: {
  v: ConfirmationRequestView | undefined;
  queryKey: readonly unknown[];
  face: FaceRoutes;
  phoneLinkPath: string | null;
  other: (done: (v: ConfirmationRequestView) => void) => ReactNode;
}) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const done = (next: ConfirmationRequestView): void => {
    queryClient.setQueryData(queryKey, next);
  };
  return (
    <Card
      title={
        <Typography.Title level={1} className="st-h1" style={{ margin: 0, whiteSpace: 'normal' }}>
          {t('registration.confirm.title')}
        </Typography.Title>
      }
      loading={!v}
    >
      {v && (
        <RequestBody v={v}>
          {v.method === 'face' ? (
            <FaceConfirm
              v={v}
              routes={face}
              phoneLinkPath={phoneLinkPath}
              onConfirmed={done}
              onSettled={() => void queryClient.invalidateQueries({ queryKey })}
            />
          ) : (
            other(done)
          )}
        </RequestBody>
      )}
    </Card>
  );
};

/** /registration/confirm/:confirmationId — an account holder confirms from their inbox. */
export const ConfirmPage = () => {
  const { confirmationId = '' } = useParams();
  const q = useConfirmation(confirmationId);
  const { t } = useTranslation();
  if (q.error)
    // A confirmation that is gone or not one's own still names the page (one h1 per page).
    return (
      <>
        <PageTitle title={t('registration.confirm.title')} />
        <QueryError error={q.error} />
      </>
    );
  return (
    <ConfirmationCard
      v={q.data}
      queryKey={regKeys.confirmation(confirmationId)}
      face={faceRoutes.signedIn(confirmationId)}
      phoneLinkPath={q.data?.linkPath ?? null}
      other={(done) => <PasswordConfirm confirmationId={confirmationId} onDone={done} />}
    />
  );
};

/**
 * /registration/confirm-link/:token — on a phone, often without an account: the legal representative
 * by face, anyone else with the one-time code.
 */
export const LinkConfirmPage = () => {
  const { token = '' } = useParams();
  const q = useConfirmLink(token);
  const { t } = useTranslation();
  return (
    <div className="st-page">
      {q.error ? (
        // A bad or expired link still names the page it was meant to open (one h1 per page).
        <>
          <PageTitle title={t('registration.confirm.title')} />
          <QueryError error={q.error} />
        </>
      ) : (
        <ConfirmationCard
          v={q.data}
          queryKey={regKeys.link(token)}
          face={faceRoutes.link(token)}
          phoneLinkPath={null}
          other={(done) => <CodeConfirm token={token} onDone={done} />}
        />
      )}
    </div>
  );
};
