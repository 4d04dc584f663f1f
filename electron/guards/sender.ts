import { isAppUrl } from './trusted-url';

/**
 * The parts of Electron's `WebFrameMain` the check needs, so it can be tested without Electron.
 * `parent` is null only for a top-level frame.
 */
export type SenderFrameLike = {
  readonly url: string;
  readonly parent: unknown;
  readonly detached?: boolean;
};

/**
 * An IPC message is trusted only when it comes from the main frame of a page on the app origin.
 * Checking the frame, not just the webContents, is what closes Electron advisory
 * GHSA-mq8j-3h7h-p8g7: a cross-origin iframe inside the app shares the webContents.
 */
export const isTrustedSender = (
  frame: SenderFrameLike | null | undefined,
  appOrigin: string | null,
): boolean => {
  if (frame === null || frame === undefined) return false;
  if (frame.detached === true) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, appOrigin);
};
