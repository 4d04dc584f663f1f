import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Progress,
  Result,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ApprovalOutcome, ApprovalView, ChallengeAction } from '../../../../shared/api/delegation';
import { challengeActionText } from '../../../../shared/delegation/challenge';
import { describeValidity } from '../../../../shared/delegation/validity';
import { ApiRequestError } from '../../api/client';
import { savePreferences } from '../../app/preferences';
import { formatDateTime } from '../../components/format';
import { useLocalized } from '../../components/useLang';
import { useSession } from '../../state/session';
import { delegationApi, delegationKeys, useApproval } from './api';
import { ScopeTags } from './bits';
import { captureChallenge, openFrontCamera, stopCamera } from './capture';

type Phase =
  | { kind: 'idle' }
  | { kind: 'capturing'; step: number; action: ChallengeAction | null; total: number }
  | { kind: 'verifying' }
  | { kind: 'approved'; outcome: ApprovalOutcome }
  | { kind: 'declined' };

const hhmm = (iso: string): string =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

/** The details of the request, in plain words. */
const RequestFacts = ({ v }: { v: ApprovalView }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('delegation.approve.greeting', { name: v.grantorName })}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: '1.1em', margin: 0 }} data-testid="approve-asks">
        {t('delegation.approve.asks', { requester: v.requester.name, id: v.requester.residentIdMasked })}
      </Typography.Paragraph>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="approve-company">
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
    </Space>
  );
};

/** /approve/:token — the legal representative's phone: read the request, approve with a live face check, or decline. */
export const ApprovePage = () => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { token = '' } = useParams();
  const view = useApproval(token);
  const queryClient = useQueryClient();
  const prefs = useSession((s) => s.prefs);
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<ApiRequestError | Error | null>(null);

  useEffect(() => () => stopCamera(streamRef.current), []);

  const approve = async (): Promise<void> => {
    setError(null);
    try {
      const challenge = await delegationApi.challenge(token);
      const stream = await openFrontCamera().catch(() => {
        throw new Error(t('delegation.approve.cameraDenied'));
      });
      streamRef.current = stream;
      setPhase({ kind: 'capturing', step: -1, action: null, total: challenge.actions.length });
      const video = videoRef.current;
      if (!video) throw new Error('video element missing');
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      const frames = await captureChallenge(video, challenge.actions, (step, action) =>
        setPhase({ kind: 'capturing', step, action, total: challenge.actions.length }),
      );
      stopCamera(stream);
      streamRef.current = null;
      setPhase({ kind: 'verifying' });
      const outcome = await delegationApi.verify(token, challenge.challengeId, frames);
      frames.length = 0;
      setPhase({ kind: 'approved', outcome });
    } catch (e) {
      stopCamera(streamRef.current);
      streamRef.current = null;
      setError(e instanceof Error ? e : new Error(String(e)));
      setPhase({ kind: 'idle' });
    } finally {
      void queryClient.invalidateQueries({ queryKey: delegationKeys.approval(token) });
    }
  };

  const decline = async (): Promise<void> => {
    setError(null);
    try {
      await delegationApi.rejectByLink(token);
      setPhase({ kind: 'declined' });
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  };

  const v = view.data;
  const langToggle = (
    <Button
      type="text"
      onClick={() => void savePreferences({ ...prefs, lang: prefs.lang === 'zh' ? 'en' : 'zh' })}
      data-testid="approve-language"
    >
      {prefs.lang === 'zh' ? 'English' : '中文'}
    </Button>
  );

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
  else if (phase.kind === 'approved')
    body = (
      <div data-testid="approve-success">
        <Result
          status="success"
          title={t('delegation.approve.success')}
          subTitle={
            v
              ? t('delegation.approve.successBody', {
                  requester: v.requester.name,
                  company: v.company.name,
                  date: formatDateTime(phase.outcome.validUntil),
                })
              : undefined
          }
        />
      </div>
    );
  else if (phase.kind === 'declined')
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
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {phase.kind === 'idle' && <RequestFacts v={v} />}
        {/* Always mounted so the camera can be attached before the first capture step renders. */}
        <video
          ref={videoRef}
          aria-label={t('delegation.approve.camera')}
          playsInline
          muted
          autoPlay
          style={{
            display: phase.kind === 'capturing' ? 'block' : 'none',
            margin: '0 auto',
            width: 260,
            height: 260,
            objectFit: 'cover',
            borderRadius: '50%',
            transform: 'scaleX(-1)',
            background: '#000',
          }}
        />
        {phase.kind === 'capturing' && (
          <Space direction="vertical" align="center" style={{ width: '100%' }}>
            <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="approve-instruction">
              {phase.action ? loc(challengeActionText[phase.action]) : t('delegation.approve.getReady')}
            </Typography.Title>
            {phase.step >= 0 && (
              <Typography.Text type="secondary">
                {t('delegation.approve.step', { n: phase.step + 1, total: phase.total })}
              </Typography.Text>
            )}
            <Progress
              percent={Math.round(((phase.step + 1) / (phase.total + 1)) * 100)}
              showInfo={false}
              style={{ width: 260 }}
            />
          </Space>
        )}
        {phase.kind === 'verifying' && (
          <Space direction="vertical" align="center" style={{ width: '100%' }}>
            <Spin size="large" />
            <Typography.Title level={4}>{t('delegation.approve.verifying')}</Typography.Title>
          </Space>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            message={error.message}
            description={error instanceof ApiRequestError ? error.code : undefined}
            data-testid="approve-failure"
          />
        )}
        {phase.kind === 'idle' && v.lockedUntil && (
          <Alert
            type="warning"
            showIcon
            message={t('delegation.approve.locked', { time: hhmm(v.lockedUntil) })}
          />
        )}
        {phase.kind === 'idle' && !v.faceEnrolled && (
          <Alert type="warning" showIcon message={t('delegation.approve.noFace')} />
        )}
        {phase.kind === 'idle' && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button
              type="primary"
              size="large"
              block
              style={{ height: 56, fontSize: '1.2em' }}
              onClick={() => void approve()}
              disabled={!!v.lockedUntil || !v.faceEnrolled}
              data-testid="approve-agree"
            >
              {error ? t('delegation.approve.retry') : t('delegation.approve.agree')}
            </Button>
            <Typography.Text type="secondary">
              {t('delegation.approve.attemptsLeft', { n: v.attemptsLeft })}
            </Typography.Text>
            <Popconfirm
              title={t('delegation.approve.declineConfirm')}
              onConfirm={() => void decline()}
              okText={t('delegation.approve.decline')}
              cancelText={t('common.cancel')}
            >
              <Button size="large" block danger style={{ height: 48 }} data-testid="approve-decline">
                {t('delegation.approve.decline')}
              </Button>
            </Popconfirm>
            <Typography.Text type="secondary">
              {t('delegation.approve.linkExpires', { date: formatDateTime(v.linkExpiresAt) })}
            </Typography.Text>
          </Space>
        )}
      </Space>
    );

  return (
    <main style={{ maxWidth: 480, margin: '0 auto', padding: '12px 12px 32px' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong style={{ color: '#c8102e', fontSize: '1.2em' }}>
          {t('app.name')} · {t('delegation.approve.title')}
        </Typography.Text>
        {langToggle}
      </Space>
      <Card styles={{ body: { padding: 16 } }}>{body}</Card>
    </main>
  );
};
