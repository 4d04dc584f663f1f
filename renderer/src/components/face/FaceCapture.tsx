import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Progress, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChallengeAction, FaceChallengeView } from '../../../../shared/api/face';
import { challengeActionText } from '../../../../shared/delegation/challenge';
import { ErrorAlert } from '../ErrorAlert';
import { useLocalized } from '../useLang';
import { captureChallenge, openFrontCamera, stopCamera } from './capture';

type Phase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'capturing'; step: number; action: ChallengeAction | null; total: number }
  | { kind: 'verifying' }
  | { kind: 'done' };

/** The data-testids end-to-end tests find the capture by; each page keeps its own. */
export type FaceCaptureTestIds = { start: string; instruction: string; failure: string; verifying: string };

export const faceTestIds = (prefix: string): FaceCaptureTestIds => ({
  start: `${prefix}-start`,
  instruction: `${prefix}-instruction`,
  failure: `${prefix}-failure`,
  verifying: `${prefix}-verifying`,
});

export type FaceCaptureProps<T> = {
  /** A fresh single-use challenge per attempt. */
  getChallenge: () => Promise<FaceChallengeView>;
  submit: (challengeId: string, frames: string[]) => Promise<T>;
  onDone: (result: T) => void;
  /** After every attempt, passed or not: the server counts failures, so callers refresh what they show. */
  onSettled?: () => void;
  startLabel: string;
  retryLabel: string;
  disabled?: boolean;
  testIds?: FaceCaptureTestIds;
  /** Shown only while no attempt is under way, above the start button (e.g. the request itself). */
  before?: ReactNode;
  /** Shown only while no attempt is under way, below the start button (e.g. attempts left). */
  after?: ReactNode;
};

const CIRCLE = 'min(260px, 70vw)';

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/**
 * A live face check: opens the front camera, shows each liveness action in turn while capturing
 * frames, sends them, and shows the refusal (message and code) with a retry. Nothing is kept once sent.
 */
export const FaceCapture = <T,>({
  getChallenge,
  submit,
  onDone,
  onSettled,
  startLabel,
  retryLabel,
  disabled = false,
  testIds = faceTestIds('face'),
  before,
  after,
}: FaceCaptureProps<T>) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<Error | null>(null);

  // Leaving the page mid-capture must switch the camera off and stop the capture loop.
  useEffect(
    () => () => {
      abortRef.current?.abort();
      stopCamera(streamRef.current);
    },
    [],
  );

  const releaseCamera = (): void => {
    stopCamera(streamRef.current);
    streamRef.current = null;
  };

  const start = async (): Promise<void> => {
    const abort = new AbortController();
    abortRef.current = abort;
    setError(null);
    setPhase({ kind: 'starting' });
    let frames: string[] = [];
    try {
      const challenge = await getChallenge();
      const stream = await openFrontCamera().catch((e: unknown) => {
        throw new Error(
          t((e as Error).name === 'CameraNeedsHttps' ? 'face.cameraNeedsHttps' : 'face.cameraDenied'),
        );
      });
      streamRef.current = stream;
      if (abort.signal.aborted) {
        releaseCamera();
        return;
      }
      const total = challenge.actions.length;
      setPhase({ kind: 'capturing', step: -1, action: null, total });
      const video = videoRef.current;
      if (!video) throw new Error('video element missing');
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      // On a long page (the registration articles) the camera would otherwise open out of sight.
      video.scrollIntoView({ block: 'center', behavior: 'smooth' });
      frames = await captureChallenge(
        video,
        challenge.actions,
        (step, action) => setPhase({ kind: 'capturing', step, action, total }),
        abort.signal,
      );
      releaseCamera();
      setPhase({ kind: 'verifying' });
      const result = await submit(challenge.challengeId, frames);
      setPhase({ kind: 'done' });
      onDone(result);
    } catch (e) {
      releaseCamera();
      if (abort.signal.aborted) return;
      setError(asError(e));
      setPhase({ kind: 'idle' });
    } finally {
      frames.length = 0;
      if (!abort.signal.aborted) onSettled?.();
    }
  };

  if (phase.kind === 'done') return null;
  const idle = phase.kind === 'idle' || phase.kind === 'starting';
  return (
    // A plain flex column: the hidden video must not leave an empty gap the way a Space item would.
    <div style={{ display: 'flex', flexDirection: 'column', gap: 24, width: '100%' }}>
      {idle && before}
      {/* Always mounted so the camera can be attached before the first capture step renders. */}
      <video
        ref={videoRef}
        aria-label={t('face.camera')}
        playsInline
        muted
        autoPlay
        style={{
          display: phase.kind === 'capturing' ? 'block' : 'none',
          margin: '0 auto',
          width: CIRCLE,
          height: CIRCLE,
          objectFit: 'cover',
          borderRadius: '50%',
          transform: 'scaleX(-1)',
          background: '#000',
        }}
      />
      {phase.kind === 'capturing' && (
        <Space direction="vertical" align="center" style={{ width: '100%' }}>
          <Typography.Title level={2} style={{ textAlign: 'center' }} data-testid={testIds.instruction}>
            {phase.action ? loc(challengeActionText[phase.action]) : t('face.getReady')}
          </Typography.Title>
          {phase.step >= 0 && (
            <Typography.Text type="secondary">
              {t('face.step', { n: phase.step + 1, total: phase.total })}
            </Typography.Text>
          )}
          <Progress
            percent={Math.round(((phase.step + 1) / (phase.total + 1)) * 100)}
            showInfo={false}
            style={{ width: CIRCLE }}
          />
        </Space>
      )}
      {phase.kind === 'verifying' && (
        <Space direction="vertical" align="center" style={{ width: '100%' }} data-testid={testIds.verifying}>
          <Spin size="large" />
          <Typography.Title level={3}>{t('face.verifying')}</Typography.Title>
        </Space>
      )}
      <ErrorAlert error={error} testId={testIds.failure} />
      {idle && (
        <Button
          type="primary"
          size="large"
          block
          style={{ minHeight: 56, height: 'auto', fontSize: '1.2em', whiteSpace: 'normal' }}
          onClick={() => void start()}
          loading={phase.kind === 'starting'}
          disabled={disabled}
          data-testid={testIds.start}
        >
          {error ? retryLabel : startLabel}
        </Button>
      )}
      {idle && after}
    </div>
  );
};
