import type { DesktopApi, LocalPreferences } from '../shared/desktop-api';
import { DEEP_LINK_EVENT, IpcChannel } from './ipc-channels';

/**
 * The part of `ipcRenderer` the bridge uses. The bridge is built from it in the preload; the raw
 * object itself never reaches the page.
 */
export type RendererIpc = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
};

/**
 * `window.desktop` for Electron: one method per named channel. Imported only by the sandboxed
 * preload, so it may import nothing but type declarations and ipc-channels.
 */
export const createDesktopBridge = (ipc: RendererIpc) => {
  // Deep links can arrive before React subscribes (a cold start from a link): keep them until then.
  const listeners = new Set<(path: string) => void>();
  const undelivered: string[] = [];
  ipc.on(DEEP_LINK_EVENT, (_event, path) => {
    if (typeof path !== 'string') return;
    if (listeners.size === 0) undelivered.push(path);
    for (const listener of listeners) listener(path);
  });

  return {
    kind: 'electron',
    getSessionToken: () => ipc.invoke(IpcChannel.getSessionToken) as Promise<string | null>,
    setSessionToken: async (token: string | null) => {
      await ipc.invoke(IpcChannel.setSessionToken, token);
    },
    getPreferences: () => ipc.invoke(IpcChannel.getPreferences) as Promise<LocalPreferences | null>,
    setPreferences: async (prefs: LocalPreferences) => {
      await ipc.invoke(IpcChannel.setPreferences, prefs);
    },
    notify: async (title: string, body: string) => {
      await ipc.invoke(IpcChannel.notify, title, body);
    },
    openExternal: async (url: string) => {
      await ipc.invoke(IpcChannel.openExternal, url);
    },
    onDeepLink: (listener: (path: string) => void) => {
      listeners.add(listener);
      for (const path of undelivered.splice(0)) listener(path);
      return () => {
        listeners.delete(listener);
      };
    },
  } satisfies DesktopApi;
};
