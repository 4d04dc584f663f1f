import type { DesktopApi, LocalPreferences } from '../../../shared/desktop-api';

const TOKEN_KEY = 'shangtong.session';
const PREFS_KEY = 'shangtong.preferences';

/** The browser host: storage in localStorage, notifications through the Notification API. */
export const browserDesktop: DesktopApi = {
  kind: 'browser',
  getSessionToken: async () => localStorage.getItem(TOKEN_KEY),
  setSessionToken: async (token) => {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  },
  getPreferences: async () => {
    const raw = localStorage.getItem(PREFS_KEY);
    if (!raw) return null;
    try {
      const p = JSON.parse(raw) as Partial<LocalPreferences>;
      const lang = p.lang === 'en' || p.lang === 'zh-HK' ? p.lang : 'zh';
      return { lang, elderMode: p.elderMode === true };
    } catch {
      return null;
    }
  },
  setPreferences: async (prefs) => localStorage.setItem(PREFS_KEY, JSON.stringify(prefs)),
  notify: async (title, body) => {
    if (!('Notification' in window)) return;
    if (Notification.permission === 'default') await Notification.requestPermission();
    if (Notification.permission === 'granted') new Notification(title, { body });
  },
  openExternal: async (url) => {
    const parsed = new URL(url);
    if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) return;
    window.open(parsed.toString(), '_blank', 'noopener,noreferrer');
  },
  onDeepLink: () => () => undefined,
};
