import { useRef, useState, type ReactNode } from 'react';
import { useResultFocus } from '../../components/announce';
import { PageTitle } from '../../components/PageTitle';
import { Alert, Button, Card, Descriptions, Popconfirm, Result, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ApprovalOutcome, ApprovalView } from '../../../../shared/api/delegation';
import { describeValidity } from '../../../../shared/delegation/validity';
import { ApiRequestError } from '../../api/client';
import { FaceCapture, faceTestIds } from '../../components/face/FaceCapture';
import { formatDateTime, formatTime } from '../../components/format';
import { useLocalized } from '../../components/useLang';
import { delegationApi, delegationKeys, useApproval } from './api';
import { ScopeTags } from './bits';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The delegation page's ids, kept from before the capture was shared (e2e/web/delegation.spec.ts). */
const approveTestIds = { ...faceTestIds('approve'), start: 'approve-agree' };

const hhmm = (iso: string): string => formatTime(iso);

/** The details of the request, in plain words. */
const RequestFacts = ({ v }: { v: ApprovalView }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('delegation.approve.greeting', { name: v.grantorName })}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: '1.1em', margin: 0 }} data-testid="approve-asks">
        {t('delegation.approve.asks', { requester: v.requester.name, id: v.requester.residentIdMasked })}
      </Typography.Paragraph>
      <Typography.Title level={2} style={{ margin: 0 }} data-testid="approve-company">
        {v.company.name}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('delegation.approve.scopes')}>
          <ScopeTags scopes={v.scopes} />
        </Descriptions.Item>
        <Descriptions.Item label={t('delegation.approve.until')}>
          <span data-testid="approve-until">
            {t('delegation.approve.untilValue', {
              validity: loc(describeValidity(v.validity)),
              date: v.validUntil ? formatDateTime(v.validUntil) : '—',
            })}
          </span>
        </Descriptions.Item>
        {v.note && <Descriptions.Item label={t('delegation.approve.note')}>{v.note}</Descriptions.Item>}
      </Descriptions>
      {v.handover && (
        <Alert
          type="warning"
          showIcon
          data-testid="approve-handover"
          message={t('delegation.approve.handover', { from: v.handover.fromFirm, to: v.handover.toFirm })}
          description={
            <Space direction="vertical" size={4}>
              <span>{t('delegation.approve.handoverHeld', { from: v.handover.fromFirm })}</span>
              {v.handover.held.map((h, i) => (
                <span key={i}>
                  <ScopeTags scopes={h.scopes} />{' '}
                  {h.validUntil
                    ? t('delegation.approve.heldUntil', { date: formatDateTime(h.validUntil) })
                    : ''}
                </span>
              ))}
            </Space>
          }
        />
      )}
    </Space>
  );
};

/** /approve/:token — the legal representative's phone: read the request, approve with a live face check, or decline. */
export const ApprovePage = () => {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const view = useApproval(token);
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ApprovalOutcome | null>(null);
  const [declined, setDeclined] = useState(false);
  const [declineError, setDeclineError] = useState<Error | null>(null);

  const decline = async (): Promise<void> => {
    setDeclineError(null);
    try {
      await delegationApi.rejectByLink(token);
      setDeclined(true);
    } catch (e) {
      setDeclineError(e instanceof Error ? e : new Error(String(e)));
    }
  };

  const v = view.data;
  const success = useRef<HTMLDivElement>(null);
  // The approval is the result the person waited for: spoken, and focused for the keyboard.
  useResultFocus(success, outcome !== null);
  let body: ReactNode;
  if (view.isLoading) body = <Spin size="large" />;
  else if (view.error)
    body = (
      <div data-testid="approve-error">
        <Result
          status="warning"
          title={view.error.message}
          subTitle={view.error instanceof ApiRequestError ? view.error.code : undefined}
        />
      </div>
    );
  else if (outcome)
    body = (
      <div data-testid="approve-success" ref={success} tabIndex={-1} className="st-result">
        <Result
          status="success"
          title={t('delegation.approve.success')}
          subTitle={
            v
              ? t('delegation.approve.successBody', {
                  requester: v.requester.name,
                  company: v.company.name,
                  date: formatDateTime(outcome.validUntil),
                })
              : undefined
          }
        />
      </div>
    );
  else if (declined)
    body = (
      <div data-testid="approve-declined">
        <Result status="info" title={t('delegation.approve.declined')} />
      </div>
    );
  else if (v && v.status !== 'pending')
    body = (
      <div data-testid="approve-final">
        <Result
          status={v.status === 'approved' ? 'success' : 'info'}
          title={t(`delegation.approve.done.${v.status}`, {
            date: v.validUntil ? formatDateTime(v.validUntil) : '',
          })}
        />
      </div>
    );
  else if (v)
    body = (
      <FaceCapture
        getChallenge={() => delegationApi.challenge(token)}
        submit={(challengeId, frames) => delegationApi.verify(token, challengeId, frames)}
        onDone={setOutcome}
        onSettled={() => void queryClient.invalidateQueries({ queryKey: delegationKeys.approval(token) })}
        startLabel={t('delegation.approve.agree')}
        retryLabel={t('delegation.approve.retry')}
        disabled={!!v.lockedUntil || !v.faceEnrolled}
        testIds={approveTestIds}
        before={
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <RequestFacts v={v} />
            {v.lockedUntil && (
              <Alert
                type="warning"
                showIcon
                message={t('delegation.approve.locked', { time: hhmm(v.lockedUntil) })}
              />
            )}
            {!v.faceEnrolled && <Alert type="warning" showIcon message={t('delegation.approve.noFace')} />}
          </Space>
        }
        after={
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('delegation.approve.attemptsLeft', { n: v.attemptsLeft })}
            </Typography.Text>
            <ErrorAlert error={declineError} testId="approve-decline-failure" />
            <Popconfirm
              title={t('delegation.approve.declineConfirm')}
              onConfirm={() => void decline()}
              okText={t('delegation.approve.decline')}
              cancelText={t('common.cancel')}
            >
              <Button size="large" block danger style={{ minHeight: 48 }} data-testid="approve-decline">
                {t('delegation.approve.decline')}
              </Button>
            </Popconfirm>
            <Typography.Text type="secondary">
              {t('delegation.approve.linkExpires', { date: formatDateTime(v.linkExpiresAt) })}
            </Typography.Text>
          </Space>
        }
      />
    );

  return (
    <div className="st-phone-page">
      <PageTitle title={t('delegation.approve.title')} />
      <Card styles={{ body: { padding: 16 } }}>{body}</Card>
    </div>
  );
};
