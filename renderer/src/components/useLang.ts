import { useSession } from '../state/session';
import { contentLang, type Lang, type LocalizedText, type UiLang } from '../../../shared/text';
import { toHongKong } from '../i18n/hong-kong';

/** The interface language: zh (简体), zh-HK (繁體) or en. */
export const useUiLang = (): UiLang => useSession((s) => s.prefs.lang);

/** The language to pick from server-provided {zh, en} texts: zh for both Chinese scripts. */
export const useLang = (): Lang => contentLang(useUiLang());

/** Picks the current language from a server-provided {zh, en} text (in 繁體 for zh-HK). */
export const useLocalized = (): ((t: LocalizedText) => string) => {
  const lang = useUiLang();
  return (t) => (lang === 'zh-HK' ? toHongKong(t.zh) : t[contentLang(lang)]);
};
