/**
 * Named IPC channels between the preload and the main process: one per `DesktopApi` method, no
 * generic "invoke anything" channel. Imported by the sandboxed preload, so this file imports nothing.
 */
export const IpcChannel = {
  getSessionToken: 'desktop:get-session-token',
  setSessionToken: 'desktop:set-session-token',
  getPreferences: 'desktop:get-preferences',
  setPreferences: 'desktop:set-preferences',
  notify: 'desktop:notify',
  openExternal: 'desktop:open-external',
} as const;

/** Main → renderer: an in-app path from a deep link or a menu command. */
export const DEEP_LINK_EVENT = 'desktop:deep-link';
