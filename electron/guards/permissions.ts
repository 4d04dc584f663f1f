import { isAppUrl } from './trusted-url';

/** A permission request as Electron's session request handler sees it. */
export type PermissionRequest = {
  permission: string;
  requestingUrl: string;
  isMainFrame: boolean;
  /** For `media`: which devices ('video', 'audio'); Electron leaves it empty for screen capture. */
  mediaTypes?: readonly string[];
};

/** A permission check (`navigator.permissions.query`, device enumeration). */
export type PermissionCheck = {
  permission: string;
  requestingOrigin: string;
  /** For `media`: 'video', 'audio' or 'unknown'. */
  mediaType?: string;
};

/** Everything not listed here is refused: geolocation, microphone, screen capture, HID, USB, serial, MIDI… */
const GRANTABLE: ReadonlySet<string> = new Set(['media', 'notifications', 'clipboard-sanitized-write']);

/**
 * Decides a permission request. Only the app's own main frame may ask, and `media` means the
 * camera alone, which the face-verification flow needs; no microphone, no screen.
 */
export const decidePermissionRequest = (request: PermissionRequest, appOrigin: string | null): boolean => {
  if (!GRANTABLE.has(request.permission)) return false;
  if (!request.isMainFrame || !isAppUrl(request.requestingUrl, appOrigin)) return false;
  if (request.permission === 'media') {
    const types = request.mediaTypes ?? [];
    return types.length > 0 && types.every((t) => t === 'video');
  }
  return true;
};

/** Answers permission checks with the same allow-list; a check grants nothing by itself. */
export const decidePermissionCheck = (check: PermissionCheck, appOrigin: string | null): boolean => {
  if (!GRANTABLE.has(check.permission)) return false;
  if (!isAppUrl(check.requestingOrigin, appOrigin)) return false;
  if (check.permission === 'media') return check.mediaType === 'video' || check.mediaType === 'unknown';
  return true;
};
