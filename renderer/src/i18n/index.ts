import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { featureMessages } from './features';

/** One i18next instance; namespaces are registered here explicitly, not as import side effects. */
export const initI18n = (lang: 'zh' | 'en'): typeof i18n => {
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
