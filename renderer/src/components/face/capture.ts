import type { ChallengeAction } from '../../../../shared/api/face';
import { CAPTURE_PLAN, framesPerAction } from '../../../../shared/delegation/challenge';

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });

/**
 * The front camera, at a modest resolution (the server works on ~640 px anyway). Browsers give
 * pages the camera only in a secure context (https, or this computer): a phone opening a
 * plain-http LAN address has no `navigator.mediaDevices` at all — rejected as `CameraNeedsHttps`.
 */
export const openFrontCamera = (): Promise<MediaStream> => {
  // The DOM types claim mediaDevices is always there; outside a secure context it is undefined.
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (!devices) {
    const e = new Error('the camera needs a secure context (https)');
    e.name = 'CameraNeedsHttps';
    return Promise.reject(e);
  }
  return devices.getUserMedia({
    audio: false,
    video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
  });
};

export const stopCamera = (stream: MediaStream | null): void => {
  for (const track of stream?.getTracks() ?? []) track.stop();
};

const waitForVideo = (video: HTMLVideoElement): Promise<void> =>
  video.readyState >= 2
    ? Promise.resolve()
    : new Promise((resolve) => video.addEventListener('loadeddata', () => resolve(), { once: true }));

/** One JPEG frame of the (unmirrored) camera image, base64 without the data: prefix. */
const grab = (video: HTMLVideoElement, canvas: HTMLCanvasElement): string => {
  const scale = Math.min(1, 640 / Math.max(1, video.videoWidth));
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.85).slice('data:image/jpeg;base64,'.length);
};

/**
 * Shows each action in turn (onStep) while capturing frames at a steady pace: a short lead-in
 * looking straight ahead, then CAPTURE_PLAN.perActionMs per action. Frames stay in memory only
 * until they are sent.
 */
export const captureChallenge = async (
  video: HTMLVideoElement,
  actions: readonly ChallengeAction[],
  onStep: (step: number, action: ChallengeAction | null) => void,
  signal?: AbortSignal,
): Promise<string[]> => {
  await waitForVideo(video);
  const canvas = document.createElement('canvas');
  const frames: string[] = [];
  onStep(-1, null);
  await sleep(700, signal);
  for (let i = 0; i < CAPTURE_PLAN.leadInFrames; i++) {
    frames.push(grab(video, canvas));
    await sleep(CAPTURE_PLAN.intervalMs, signal);
  }
  for (const [index, action] of actions.entries()) {
    onStep(index, action);
    for (let i = 0; i < framesPerAction(); i++) {
      frames.push(grab(video, canvas));
      await sleep(CAPTURE_PLAN.intervalMs, signal);
    }
  }
  return frames;
};
