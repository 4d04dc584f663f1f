import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FaceCapture, faceTestIds } from '../../components/face/FaceCapture';
import { changesApi } from '../../../../shared/api/contracts/changes';
import type { ChangeView } from '../../../../shared/api/changes';

/** The signer confirms and signs the change by a live face check (L4, identity.md). */
export const FaceSign = ({
  confirmationId,
  onDone,
}: {
  confirmationId: string;
  onDone: (v: ChangeView) => void;
}) => {
  const { t } = useTranslation();
  return (
    <div style={{ maxWidth: 560 }} data-testid="chg-face">
      <FaceCapture
        getChallenge={() => api.call(changesApi.faceChallenge, { params: { confirmationId } })}
        submit={(challengeId, frames) =>
          api.call(changesApi.confirmFace, { params: { confirmationId }, body: { challengeId, frames } })
        }
        onDone={onDone}
        startLabel={t('changes.confirmHere')}
        retryLabel={t('changes.faceRetry')}
        testIds={faceTestIds('chg-face')}
        before={
          <Typography.Paragraph style={{ fontSize: '1.1em' }}>{t('changes.faceIntro')}</Typography.Paragraph>
        }
      />
    </div>
  );
};
