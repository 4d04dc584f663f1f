import { useSession } from '../state/session';
import type { LocalizedText } from '../../../shared/text';

export const useLang = (): 'zh' | 'en' => useSession((s) => s.prefs.lang);

/** Picks the current language from a server-provided {zh, en} text. */
export const useLocalized = (): ((t: LocalizedText) => string) => {
  const lang = useLang();
  return (t) => t[lang];
};
