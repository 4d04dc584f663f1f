import { Alert, Button, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FaceChallengeView } from '../../../../shared/api/face';
import type { ConfirmationRequestView } from '../../../../shared/api/registration';
import { FaceCapture, faceTestIds } from '../../components/face/FaceCapture';
import { useSession } from '../../state/session';
import { regApi, regKeys, useConfirmation } from './api';
import { PhoneLink } from './PhoneLink';

/** The two ways to reach a face confirmation: signed in as the person asked, or holding the link. */
export type FaceRoutes = {
  challenge: () => Promise<FaceChallengeView>;
  confirm: (challengeId: string, frames: string[]) => Promise<ConfirmationRequestView>;
};

export const faceRoutes = {
  signedIn: (confirmationId: string): FaceRoutes => ({
    challenge: () => regApi.faceChallenge(confirmationId),
    confirm: (challengeId, frames) => regApi.confirmByFace(confirmationId, challengeId, frames),
  }),
  link: (token: string): FaceRoutes => ({
    challenge: () => regApi.linkFaceChallenge(token),
    confirm: (challengeId, frames) => regApi.linkConfirmByFace(token, challengeId, frames),
  }),
};

/** Without a reference face there is nothing to compare against: say how to enrol one, in plain steps. */
const EnrolFirst = () => {
  const { t } = useTranslation();
  const signedIn = useSession((s) => !!s.token);
  const where = { account: t('nav.account'), face: t('account.face.title') };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="reg-face-not-enrolled"
      message={t('registration.face.notEnrolled')}
      description={
        <Space direction="vertical">
          <span>{t(signedIn ? 'registration.face.enrolHere' : 'registration.face.enrolByLink', where)}</span>
          {signedIn ? (
            <Link to="/account/face">
              <Button size="large">{t('registration.face.goEnrol')}</Button>
            </Link>
          ) : (
            <Space wrap>
              <Link to="/sign-in" state={{ from: '/account/face' }}>
                <Button size="large">{t('registration.face.signIn')}</Button>
              </Link>
              <Link to="/sign-up">
                <Button size="large">{t('registration.face.signUp')}</Button>
              </Link>
            </Space>
          )}
        </Space>
      }
    />
  );
};

/**
 * The legal representative confirms the application with a live face check, here or (when
 * `phoneLinkPath` is given) on a phone through the link.
 */
export const FaceConfirm = ({
  v,
  routes,
  phoneLinkPath,
  onConfirmed,
  onSettled,
}: {
  v: ConfirmationRequestView;
  routes: FaceRoutes;
  phoneLinkPath: string | null;
  onConfirmed: (v: ConfirmationRequestView) => void;
  /** After each attempt: failures count against the request, so the attempts left change. */
  onSettled: () => void;
}) => {
  const { t } = useTranslation();
  const locked = v.attemptsLeft <= 0;
  return (
    <div style={{ maxWidth: 560 }} data-testid="reg-face">
      <FaceCapture
        getChallenge={routes.challenge}
        submit={routes.confirm}
        onDone={onConfirmed}
        onSettled={onSettled}
        startLabel={t('registration.face.start')}
        retryLabel={t('registration.face.retry')}
        disabled={!v.faceEnrolled || locked}
        testIds={faceTestIds('reg-face')}
        before={
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Paragraph strong style={{ fontSize: '1.25em', margin: 0 }}>
              {t('registration.face.intro')}
            </Typography.Paragraph>
            {!v.faceEnrolled && <EnrolFirst />}
            {locked && <Alert type="error" showIcon message={t('registration.face.locked')} />}
          </Space>
        }
        after={
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Typography.Text type="secondary" style={{ fontSize: '1.1em' }} data-testid="reg-face-attempts">
              {t('registration.confirm.attempts', { count: v.attemptsLeft })}
            </Typography.Text>
            {phoneLinkPath && (
              <PhoneLink
                linkPath={phoneLinkPath}
                title={t('registration.face.phoneTitle')}
                hint={t('registration.face.phoneHint')}
                testId="reg-face-phone-link"
              />
            )}
          </Space>
        }
      />
    </div>
  );
};

/**
 * The signed-in legal representative's own face confirmation, inline where the list of confirmations
 * only holds the entry (the attempts left and whether a face is enrolled come with the request itself).
 */
export const MyFaceConfirm = ({
  confirmationId,
  phoneLinkPath,
  onConfirmed,
}: {
  confirmationId: string;
  phoneLinkPath: string | null;
  onConfirmed: () => void;
}) => {
  const queryClient = useQueryClient();
  const q = useConfirmation(confirmationId);
  if (q.error) return <Alert type="error" showIcon message={q.error.message} />;
  if (!q.data || q.data.status !== 'pending' || q.data.stale || q.data.method !== 'face') return null;
  return (
    <FaceConfirm
      v={q.data}
      routes={faceRoutes.signedIn(confirmationId)}
      phoneLinkPath={phoneLinkPath ?? q.data.linkPath}
      onConfirmed={(v) => {
        queryClient.setQueryData(regKeys.confirmation(confirmationId), v);
        onConfirmed();
      }}
      onSettled={() => void queryClient.invalidateQueries({ queryKey: regKeys.confirmation(confirmationId) })}
    />
  );
};
