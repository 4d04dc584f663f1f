import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLang } from '../../../shared/text';
import { common } from './common';
import { featureMessages } from './features';

/**
 * One i18next instance; namespaces are registered here explicitly, not as import side effects.
 * zh-HK's messages are added by loadHongKong() (i18n/hong-kong.ts) when someone chooses 繁體.
 */
export const initI18n = (lang: UiLang): typeof i18n => {
  const resources = {
    zh: { translation: { ...common.zh, ...featureMessages.zh } },
    en: { translation: { ...common.en, ...featureMessages.en } },
  };
  void i18n.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
};
