// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChallengeAction, FaceChallengeView } from '../../../../shared/api/face';
import { ApiRequestError } from '../../api/client';
import { renderWithApp } from '../../test/render';
import { FaceCapture } from './FaceCapture';
import { captureChallenge, openFrontCamera, stopCamera } from './capture';

vi.mock('./capture', () => ({ openFrontCamera: vi.fn(), stopCamera: vi.fn(), captureChallenge: vi.fn() }));

type Step = (step: number, action: ChallengeAction | null) => void;

/** A promise the test settles by hand, to hold the capture in a state while it looks. */
const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const challenge: FaceChallengeView = {
  challengeId: '00000000-0000-4000-8000-000000000001',
  actions: ['blink', 'turn-left'],
  expiresAt: '2026-12-03T10:00:00.000Z',
};
const stream = { getTracks: () => [] } as unknown as MediaStream;

const setup = (submit: (id: string, frames: string[]) => Promise<string>) => {
  const onDone = vi.fn();
  const onSettled = vi.fn();
  const view = renderWithApp(
    <FaceCapture
      getChallenge={() => Promise.resolve(challenge)}
      submit={submit}
      onDone={onDone}
      onSettled={onSettled}
      startLabel="Start the face check"
      retryLabel="Try again"
    />,
  );
  return { onDone, onSettled, view };
};

beforeEach(() => {
  vi.mocked(openFrontCamera).mockReset().mockResolvedValue(stream);
  vi.mocked(stopCamera).mockReset();
  vi.mocked(captureChallenge).mockReset();
  // jsdom plays no media and scrolls nothing.
  HTMLMediaElement.prototype.play = () => Promise.resolve();
  Element.prototype.scrollIntoView = () => undefined;
});

describe('FaceCapture', () => {
  it('walks through the actions, verifies, and hands over the result', async () => {
    let step: Step = () => undefined;
    const captured = deferred<string[]>();
    vi.mocked(captureChallenge).mockImplementation((_video, _actions, onStep) => {
      step = onStep;
      onStep(-1, null);
      return captured.promise;
    });
    const verdict = deferred<string>();
    const submit = vi.fn(() => verdict.promise);
    const { onDone, onSettled, view } = setup(submit);

    await userEvent.click(screen.getByTestId('face-start'));
    expect(await screen.findByTestId('face-instruction')).toHaveTextContent(
      'Look straight at the camera, in good light',
    );
    act(() => step(0, 'blink'));
    expect(screen.getByTestId('face-instruction')).toHaveTextContent(
      'Slowly close your eyes, then open them',
    );
    expect(screen.getByText('Step 1 of 2')).toBeInTheDocument();
    act(() => step(1, 'turn-left'));
    expect(screen.getByText('Step 2 of 2')).toBeInTheDocument();
    expect(screen.queryByTestId('face-start')).not.toBeInTheDocument();

    await act(async () => captured.resolve(['frame-1', 'frame-2']));
    expect(screen.getByTestId('face-verifying')).toBeInTheDocument();
    expect(submit).toHaveBeenCalledWith(challenge.challengeId, ['frame-1', 'frame-2']);
    expect(stopCamera).toHaveBeenCalledWith(stream);
    expect(onDone).not.toHaveBeenCalled();

    await act(async () => verdict.resolve('approved'));
    expect(onDone).toHaveBeenCalledWith('approved');
    expect(onSettled).toHaveBeenCalledTimes(1);
    // Done: the capture (camera view, button) is gone; the page shows what follows.
    expect(view.container.querySelector('video')).toBeNull();
    expect(screen.queryByTestId('face-start')).not.toBeInTheDocument();
  });

  it('shows the refusal with its code and offers a retry', async () => {
    vi.mocked(captureChallenge).mockResolvedValue(['frame']);
    const submit = vi.fn(() =>
      Promise.reject(new ApiRequestError(422, 'FACE_NOT_LIVE', 'The check did not see a live person')),
    );
    const { onDone, onSettled } = setup(submit);

    await userEvent.click(screen.getByTestId('face-start'));
    const failure = await screen.findByTestId('face-failure');
    expect(failure).toHaveTextContent('The check did not see a live person');
    expect(failure).toHaveTextContent('FACE_NOT_LIVE');
    expect(screen.getByTestId('face-start')).toHaveTextContent('Try again');
    expect(onDone).not.toHaveBeenCalled();
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('explains a refused camera without asking the server to verify anything', async () => {
    vi.mocked(openFrontCamera).mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    const submit = vi.fn(() => Promise.resolve('never'));
    setup(submit);

    await userEvent.click(screen.getByTestId('face-start'));
    expect(await screen.findByTestId('face-failure')).toHaveTextContent(/allow this page to use the camera/i);
    expect(captureChallenge).not.toHaveBeenCalled();
    expect(submit).not.toHaveBeenCalled();
  });

  it('switches the camera off and stops the capture when the page is left mid-capture', async () => {
    let signal: AbortSignal | undefined;
    vi.mocked(captureChallenge).mockImplementation((_video, _actions, onStep, s) => {
      signal = s;
      onStep(0, 'blink');
      return new Promise(() => undefined);
    });
    const { view, onSettled } = setup(vi.fn());

    await userEvent.click(screen.getByTestId('face-start'));
    await waitFor(() => expect(signal).toBeDefined());
    view.unmount();
    expect(signal?.aborted).toBe(true);
    expect(stopCamera).toHaveBeenCalledWith(stream);
    expect(onSettled).not.toHaveBeenCalled();
  });
});
