/** Every user-facing sentence produced by domain code carries both languages; the caller picks. */
export type LocalizedText = { zh: string; en: string };

export type Lang = 'zh' | 'en';

export const text = (zh: string, en: string): LocalizedText => ({ zh, en });

export const pick = (t: LocalizedText, lang: Lang): string => t[lang];
