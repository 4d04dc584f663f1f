/**
 * App-wide security wiring: every webContents gets the navigation and window-open guards, the
 * default session gets the permission handlers and the CSP header. The decisions themselves live
 * in guards/ (plain modules with tests); this file only connects them to Electron.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { withAppCsp } from './guards/csp';
import { decidePermissionCheck, decidePermissionRequest } from './guards/permissions';
import { isAppUrl, toSafeExternalUrl } from './guards/trusted-url';

export type OriginSource = { get(): string | null };

/** Opens a link in the system browser or mail client, after the allow-list; false when refused. */
export const openExternalSafely = async (raw: unknown): Promise<boolean> => {
  const url = toSafeExternalUrl(raw);
  if (url === null) return false;
  await shell.openExternal(url);
  return true;
};

const guardWebContents = (contents: WebContents, origin: OriginSource): void => {
  // Links and redirects may move within the app; anything else is stopped, and an allowed
  // external link is handed to the OS instead of replacing the app page.
  const onNavigate = (event: { preventDefault(): void; url: string }): void => {
    if (isAppUrl(event.url, origin.get())) return;
    event.preventDefault();
    void openExternalSafely(event.url);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, origin.get())) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url, origin.get())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
};

const guardSession = (ses: Session, origin: OriginSource): void => {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(
      decidePermissionRequest(
        { permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes },
        origin.get(),
      ),
    );
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermissionCheck(
      { permission, requestingOrigin, ...(details.mediaType ? { mediaType: details.mediaType } : {}) },
      origin.get(),
    ),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withAppCsp(details.responseHeaders, details.url, origin.get()) });
  });
};

/** Call once, before the first window. */
export const installSecurity = (origin: OriginSource): void => {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origin));
  guardSession(session.defaultSession, origin);
};
