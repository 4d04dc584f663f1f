/** Every user-facing sentence produced by domain code carries both languages; the caller picks. */
export type LocalizedText = { zh: string; en: string };

export type Lang = 'zh' | 'en';

/** The language the interface is shown in: 简体, 繁體 (Hong Kong) or English. Content in {zh, en} is read as zh for both Chinese scripts. */
export type UiLang = 'zh' | 'zh-HK' | 'en';
export const UI_LANGS = ['zh', 'zh-HK', 'en'] as const;

export const contentLang = (lang: UiLang): Lang => (lang === 'en' ? 'en' : 'zh');

/** The BCP 47 tag of a UI language (html lang, Intl). */
export const localeOf = (lang: UiLang): string =>
  lang === 'zh' ? 'zh-CN' : lang === 'zh-HK' ? 'zh-HK' : 'en';

export const text = (zh: string, en: string): LocalizedText => ({ zh, en });

export const pick = (t: LocalizedText, lang: Lang): string => t[lang];
