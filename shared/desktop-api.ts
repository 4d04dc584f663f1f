import type { UiLang } from './text';

/**
 * The one facade between the UI and its host. Electron's preload implements it over IPC; the
 * browser build implements it with web APIs. The renderer never asks "am I in Electron" beyond
 * reading `kind`.
 */
export type LocalPreferences = { lang: UiLang; elderMode: boolean };

export type DesktopApi = {
  readonly kind: 'electron' | 'browser';
  getSessionToken(): Promise<string | null>;
  setSessionToken(token: string | null): Promise<void>;
  getPreferences(): Promise<LocalPreferences | null>;
  setPreferences(prefs: LocalPreferences): Promise<void>;
  /** A system notification (desktop notification centre / browser Notification). */
  notify(title: string, body: string): Promise<void>;
  /** Opens an http(s) or mailto link outside the app, after the host's allow-list check. */
  openExternal(url: string): Promise<void>;
  /** In-app paths from shangtong:// deep links; returns an unsubscribe function. */
  onDeepLink(listener: (path: string) => void): () => void;
};
